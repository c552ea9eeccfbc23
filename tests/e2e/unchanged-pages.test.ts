import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, snapshot, tempDir } from "../support/run-cli.js";

/**
 * After an edit, a build takes the pages whose key is the last build's from the live output
 * as they are (cache/page-ledger.ts). Whatever it takes, the output must be the one a build
 * without any cache makes, and a ledger that cannot vouch for the output is not used.
 */

const post = (title: string, day: number, tags: string, text: string) =>
  `!! title: ${title}\n!! published: 2025-01-0${day}\n!! tags: ${tags}\n\n${text}\n`;

function site(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  writeFileSync(path.join(root, "posts/first.md"), post("First", 1, "ops", "Text of the first post."));
  writeFileSync(path.join(root, "posts/second.md"), post("Second", 2, "ops, ci", "Text of the second, linking [first](./posts/first)."));
  writeFileSync(path.join(root, "posts/third.md"), post("Third one", 3, "ci", "Text of the third."));
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://example.com/", title: "Ledger blog" }));
  return root;
}

const said = (run: { out: string[]; err: string[] }) => [...run.out, ...run.err].join("\n");

async function build(root: string, flags: string[] = []) {
  const run = await runCli(["build", "--root", root, "--timings", ...flags]);
  expect(run.code, said(run)).toBe(0);
  return run;
}

/** How many generated files the build took from the last one, and of how many. */
function taken(run: { out: string[] }): [number, number] {
  const note = /(\d+) of (\d+) generated files were the last build's/.exec(run.out.join("\n"));
  return note ? [Number(note[1]), Number(note[2])] : [0, 0];
}

/**
 * The output without the manifest, whose list of generations differs between two output
 * folders, and without the hashed files kept only for earlier generations' pages (the
 * search index's files of before the edit).
 */
function siteFiles(out: string): Record<string, string> {
  const { "daylight-manifest.json": _manifest, ...files } = snapshot(out);
  const { generations } = JSON.parse(readFileSync(path.join(out, "daylight-manifest.json"), "utf8")) as { generations: { assets: string[] }[] };
  const current = new Set(generations[0]?.assets);
  const kept = new Set(generations.slice(1).flatMap((g) => g.assets).filter((asset) => !current.has(asset)));
  return Object.fromEntries(Object.entries(files).filter(([file]) => !kept.has(file)));
}

/** The same sources built afresh, without a cache, into a folder of their own. */
async function builtAfresh(root: string): Promise<Record<string, string>> {
  const out = path.join(tempDir(), "fresh");
  await build(root, ["--no-cache", "--out", out]);
  return siteFiles(out);
}

const edit = (root: string, file: string, from: string, to: string) => {
  const source = path.join(root, "posts", file);
  writeFileSync(source, readFileSync(source, "utf8").replace(from, to));
};

const ledgerOf = (root: string) => {
  const cache = path.join(root, ".daylight-cache");
  const name = readdirSync(cache).find((file) => file.startsWith("last-pages-"));
  if (name === undefined) throw new Error("no ledger in the cache folder");
  return path.join(cache, name);
};

describe("pages the last build made", () => {
  it("are taken as they are after a post's text changes, and the output is a fresh build's", async () => {
    const root = site();
    expect(taken(await build(root))).toEqual([0, 0]); // no ledger yet: no note
    edit(root, "third.md", "Text of the third.", "Text of the third, edited.");
    const run = await build(root);
    const [kept, all] = taken(run);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(all);
    expect(readFileSync(path.join(root, "dist/posts/third/index.html"), "utf8")).toContain("the third, edited.");
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
  });

  it("follow a retitled post: its page, the lists, the feeds and the backlinks change", async () => {
    const root = site();
    await build(root);
    edit(root, "first.md", "!! title: First", "!! title: Fyrst");
    await build(root);
    const out = path.join(root, "dist");
    for (const file of ["index.html", "posts/second/index.html", "tags/ops/index.html", "feed.xml", "tags/ops/atom.xml", "sitemap.xml"]) {
      expect(siteFiles(out)[file], file).toBe((await builtAfresh(root))[file]);
    }
    expect(readFileSync(path.join(out, "tags/ops/feed.json"), "utf8")).toContain("Fyrst");
    expect(siteFiles(out)).toEqual(await builtAfresh(root));
  });

  it("follow a template edit to the pages that read that template, and only those", async () => {
    const root = site();
    const theme = (file: string, change: (text: string) => string) => {
      const target = path.join(root, "templates", file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, change(readFileSync(path.resolve("templates", file), "utf8")));
    };
    await build(root);
    // A template no page reads: every page that can be taken is.
    mkdirSync(path.join(root, "templates"));
    writeFileSync(path.join(root, "templates", "unused.liquid"), "<p>{{ page.title }}</p>");
    const [takeable, all] = taken(await build(root));
    expect(takeable).toBeGreaterThan(all - 3);
    // The post template: the three post pages change, no list, tag or other page does.
    theme("post.liquid", (text) => text.replace("</article>", "<p>Thanks for reading.</p></article>"));
    expect(taken(await build(root))).toEqual([takeable - 3, all]);
    expect(readFileSync(path.join(root, "dist/posts/first/index.html"), "utf8")).toContain("Thanks for reading.");
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
    // A partial the post pages and the lists' summaries render: those change, the tags page does not.
    theme("partials/post-meta.liquid", (text) => `${text}<span class="meta-edited"></span>`);
    const [kept] = taken(await build(root));
    expect(readFileSync(path.join(root, "dist/tags/ops/index.html"), "utf8")).toContain("meta-edited");
    expect(readFileSync(path.join(root, "dist/tags/index.html"), "utf8")).not.toContain("meta-edited");
    expect(kept).toBeGreaterThan(0);
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
    // The layout: every page changes.
    theme("layout.liquid", (text) => text.replace("</body>", "<!-- layout edited --></body>"));
    const run = await build(root);
    expect(readFileSync(path.join(root, "dist/tags/index.html"), "utf8")).toContain("layout edited");
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
    expect(taken(run)[0]).toBeLessThan(kept);
  });

  it("are made again when their file in the output no longer holds what the last build wrote", async () => {
    const root = site();
    await build(root);
    const file = path.join(root, "dist/tags/ci/index.html");
    const built = readFileSync(file, "utf8");
    writeFileSync(file, built.replace("Third one", "Thrid one")); // same length
    edit(root, "first.md", "Text of the first post.", "Text of the first post!");
    await build(root);
    expect(readFileSync(file, "utf8")).toBe(built);
  });

  it("are not taken from a ledger of another generation than the record's", async () => {
    const root = site();
    await build(root);
    const older = path.join(tempDir(), "ledger.json");
    copyFileSync(ledgerOf(root), older);
    edit(root, "first.md", "Text of the first post.", "Text of the first post, once.");
    await build(root);
    copyFileSync(older, ledgerOf(root));
    edit(root, "first.md", "once.", "twice.");
    const run = await build(root);
    expect(taken(run)[0]).toBe(0);
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
  });

  it("are not taken from a damaged ledger, and the build goes on", async () => {
    const root = site();
    await build(root);
    const ledger = ledgerOf(root);
    writeFileSync(ledger, readFileSync(ledger, "utf8").replace(/"pages":\[\[/, '"pages":[[7,'));
    edit(root, "second.md", "Text of the second", "Text of the 2nd");
    const run = await build(root);
    expect(taken(run)[0]).toBe(0);
    expect(siteFiles(path.join(root, "dist"))).toEqual(await builtAfresh(root));
    // The build saved a good ledger again.
    edit(root, "second.md", "the 2nd", "the second");
    expect(taken(await build(root))[0]).toBeGreaterThan(0);
  });

  it("are not taken by a build without a cache", async () => {
    const root = site();
    await build(root);
    edit(root, "second.md", "Text of the second", "Text of the 2nd");
    const run = await build(root, ["--no-cache"]);
    expect(said(run)).not.toMatch(/generated files were the last build's/);
  });
});
