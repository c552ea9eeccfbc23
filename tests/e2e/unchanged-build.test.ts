import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedNow, runCli, tempDir } from "../support/run-cli.js";

/**
 * A repeat build with nothing to do says so and touches nothing; each thing a build reads
 * (or the clock, or its options) that changes makes it build again. Every case edits at once
 * after a build, with the same length where it can: the edit that a stat alone could miss.
 */

const day = 24 * 60 * 60;
const post = (title: string, extra = "") => `!! title: ${title}\n!! published: 2025-01-01\n${extra}\nText of ${title}.\n`;

function site(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  mkdirSync(path.join(root, "templates/assets"), { recursive: true });
  mkdirSync(path.join(root, "public"));
  writeFileSync(path.join(root, "posts/first.md"), post("First"));
  // Another generator's markup: a warning, which a repeat build must tell again.
  writeFileSync(path.join(root, "posts/old.mdx"), "# Old\n");
  writeFileSync(path.join(root, "posts/second.md"), post("Second"));
  writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: black; }\n");
  writeFileSync(path.join(root, "public/hello.txt"), "hello\n");
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://example.com/" }));
  return root;
}

const build = (root: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runCli(["build", "--root", root, ...flags], env);

const said = (run: { out: string[]; err: string[] }) => [...run.out, ...run.err].join("\n");

/** Every output file's identity: a rewritten or replaced file shows a new time or inode. */
function outputStats(root: string): Record<string, string> {
  const stats: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = lstatSync(file);
      if (stat.isDirectory()) walk(file, `${prefix}${name}/`);
      else stats[`${prefix}${name}`] = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    }
  };
  walk(realpathSync(path.join(root, "dist")), "");
  return stats;
}

const page = (root: string, file: string) => readFileSync(path.join(root, "dist", file), "utf8");

async function builtTwice(root: string) {
  const first = await build(root);
  expect(first.code, said(first)).toBe(0);
  return first;
}

/** Builds after `change`: a whole build (not the "nothing changed" answer) that succeeds. */
async function rebuiltAfter(root: string, change: () => void, flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  change();
  const run = await build(root, flags, env);
  expect(run.code, said(run)).toBe(0);
  expect(said(run)).not.toMatch(/nothing changed/);
  expect(said(run)).toMatch(/built \d+ posts/);
  return run;
}

describe("a build with nothing to do", () => {
  it("says nothing changed, repeats the last build's warnings and leaves the output untouched", async () => {
    const root = site();
    const first = await builtTwice(root);
    expect(said(first)).toMatch(/posts\/old\.mdx:1:1  warning  this is MDX/);
    const before = outputStats(root);
    const again = await build(root);
    expect(again.code).toBe(0);
    expect(again.out.join("\n")).toMatch(/nothing changed: 2 posts, \d+ pages in .* are the last build's \(generation [0-9a-f]{12}; 0 errors, 1 warning\)/);
    expect(again.err.join("\n")).toMatch(/posts\/old\.mdx:1:1  warning  this is MDX/);
    expect(outputStats(root)).toEqual(before);
    // And again: the answer does not wear out.
    expect(said(await build(root))).toMatch(/nothing changed/);
  });

  it("does not repeat what the cache said of itself (a damaged entry was true of one build only)", async () => {
    const root = site();
    await builtTwice(root);
    const cache = path.join(root, ".daylight-cache");
    for (const shard of readdirSync(cache).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const entry of readdirSync(path.join(cache, shard))) writeFileSync(path.join(cache, shard, entry), "damaged");
    }
    const repaired = await rebuiltAfter(root, () => writeFileSync(path.join(root, "posts/second.md"), post("Second", "\nMore.\n")));
    expect(said(repaired)).toMatch(/\[cache-entry\]/);
    const again = await build(root);
    expect(said(again)).toMatch(/nothing changed: .*\(generation [0-9a-f]{12}; 0 errors, 1 warning\)/);
    expect(said(again)).not.toMatch(/cache-entry/);
  });

  it("ignores files the build never reads (names starting with _ or . among posts)", async () => {
    const root = site();
    await builtTwice(root);
    writeFileSync(path.join(root, "posts/_notes.md"), "scratch\n");
    writeFileSync(path.join(root, "posts/.first.md.swp"), "editor\n");
    expect(said(await build(root))).toMatch(/nothing changed/);
  });

  it.each([
    ["a post's text, same length", (root: string) => writeFileSync(path.join(root, "posts/second.md"), post("Second").replace("Text of", "Txet of")), "posts/second/index.html", "Txet of"],
    ["a new post", (root: string) => writeFileSync(path.join(root, "posts/third.md"), post("Third")), "posts/third/index.html", "Text of Third"],
    ["a template", (root: string) => writeFileSync(path.join(root, "templates/post.liquid"), "<p>{{ post.title }} by template</p>"), "posts/second/index.html", "Second by template"],
    ["a theme asset", (root: string) => writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: white; }\n"), "index.html", ""],
    ["a public file, same length", (root: string) => writeFileSync(path.join(root, "public/hello.txt"), "HELLO\n"), "hello.txt", "HELLO"],
    ["the config", (root: string) => writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://example.com/", title: "Renamed blog" })), "index.html", "Renamed blog"],
  ])("builds again after a change to %s", async (_, change, file, expected) => {
    const root = site();
    await builtTwice(root);
    const css = readdirSync(path.join(root, "dist/assets")).filter((name) => name.endsWith(".css"));
    await rebuiltAfter(root, () => change(root));
    expect(page(root, file)).toContain(expected);
    if (file === "index.html" && expected === "") {
      expect(readdirSync(path.join(root, "dist/assets")).filter((name) => name.endsWith(".css"))).not.toEqual(css);
    }
  });

  it("builds again after a deleted post, its page gone", async () => {
    const root = site();
    await builtTwice(root);
    writeFileSync(path.join(root, "posts/third.md"), post("Third"));
    await build(root);
    await rebuiltAfter(root, () => rmSync(path.join(root, "posts/third.md")));
    expect(page(root, "index.html")).not.toContain("Third");
  });

  it("builds again when a page of the output was edited by hand, and puts it right", async () => {
    const root = site();
    await builtTwice(root);
    const built = page(root, "posts/second/index.html");
    writeFileSync(path.join(root, "dist/posts/second/index.html"), built.replace("Text of", "Txet of"));
    await rebuiltAfter(root, () => {});
    expect(page(root, "posts/second/index.html")).toBe(built);
  });

  it("builds again when a file was added to the output by hand", async () => {
    const root = site();
    await builtTwice(root);
    await rebuiltAfter(root, () => writeFileSync(path.join(root, "dist/posts/stray.html"), "<p>stray</p>"));
  });

  it("builds again when the clock passes a scheduled post's date, which then appears", async () => {
    const root = site();
    const at = Number(fixedNow);
    const date = new Date((at + 2 * day) * 1000).toISOString().slice(0, 10);
    writeFileSync(path.join(root, "posts/later.md"), `!! title: Later\n!! published: ${date}\n\nSoon.\n`);
    await builtTwice(root);
    expect(said(await build(root))).toMatch(/nothing changed/);
    const run = await build(root, [], { SOURCE_DATE_EPOCH: String(at + 3 * day) });
    expect(run.code, said(run)).toBe(0);
    expect(said(run)).toMatch(/built 3 posts/);
    expect(page(root, "index.html")).toContain("Later");
  });

  it("builds again when an earlier generation's assets outlive their days", async () => {
    const root = site();
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://example.com/", keepGenerations: 0, keepDays: 1 }));
    await builtTwice(root);
    writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: white; }\n");
    await build(root);
    expect(readdirSync(path.join(root, "dist/assets")).filter((name) => name.endsWith(".css"))).toHaveLength(2);
    expect(said(await build(root))).toMatch(/nothing changed/);
    const run = await build(root, [], { SOURCE_DATE_EPOCH: String(Number(fixedNow) + 2 * day) });
    expect(said(run)).not.toMatch(/nothing changed/);
    expect(readdirSync(path.join(root, "dist/assets")).filter((name) => name.endsWith(".css"))).toHaveLength(1);
  });

  it("builds again with other options, or when the record was made by other code", async () => {
    const root = site();
    await builtTwice(root);
    await rebuiltAfter(root, () => {}, ["--drafts"]);
    expect(said(await build(root, ["--drafts"]))).toMatch(/nothing changed/);
    // A record that another daylight (or Node) wrote: its key cannot match this code's.
    const cache = path.join(root, ".daylight-cache");
    const [record] = readdirSync(cache).filter((name) => name.startsWith("last-build-"));
    const file = path.join(cache, record!);
    writeFileSync(file, readFileSync(file, "utf8").replace(/"key":"[0-9a-f]+"/, `"key":"${"0".repeat(64)}"`));
    const timed = await build(root, ["--drafts", "--timings"]);
    expect(said(timed)).toMatch(/building: daylight, its options or the working folder changed/);
  });

  it("builds in full when the record is damaged, cut short or of another shape", async () => {
    const root = site();
    await builtTwice(root);
    const cache = path.join(root, ".daylight-cache");
    const [record] = readdirSync(cache).filter((name) => name.startsWith("last-build-"));
    const file = path.join(cache, record!);
    const text = readFileSync(file, "utf8");
    for (const damaged of [text.slice(0, text.length / 2), '{"format":1}', text.replace(/"stat":\[/, '"stat":["x",'), "null"]) {
      writeFileSync(file, damaged);
      await rebuiltAfter(root, () => {});
      expect(said(await build(root))).toMatch(/nothing changed/);
    }
  });

  it("always builds with --no-cache, --previous, a template that reads the clock, or a config module", async () => {
    const root = site();
    await builtTwice(root);
    await rebuiltAfter(root, () => {}, ["--no-cache"]);
    await rebuiltAfter(root, () => {}, ["--previous", path.join(root, "dist")]);
    writeFileSync(path.join(root, "templates/post.liquid"), '<p>{{ post.title }} at {{ "now" | date: "%Y" }}</p>');
    await rebuiltAfter(root, () => {});
    await rebuiltAfter(root, () => {});
    rmSync(path.join(root, "templates/post.liquid"));
    rmSync(path.join(root, "site.config.json"));
    writeFileSync(path.join(root, "site.config.mjs"), 'export default { url: "https://example.com/" };\n');
    await rebuiltAfter(root, () => {});
    await rebuiltAfter(root, () => {});
  });

  it("always builds when a post is a symlink (its target is not watched)", async () => {
    const root = site();
    const elsewhere = path.join(root, "drafts");
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, "linked.md"), post("Linked"));
    rmSync(path.join(root, "posts/second.md"));
    symlinkSync(path.join(elsewhere, "linked.md"), path.join(root, "posts/second.md"));
    await builtTwice(root);
    await rebuiltAfter(root, () => writeFileSync(path.join(elsewhere, "linked.md"), post("Linked").replace("Text", "Txet")));
    expect(page(root, "posts/second/index.html")).toContain("Txet of Linked");
  });
});
