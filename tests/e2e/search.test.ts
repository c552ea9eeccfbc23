import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog, reported } from "../support/make-blog.js";
import { runCli, snapshot } from "../support/run-cli.js";

const post = (title: string, date: string, extra = "", text = "") => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n${text}`;
/** A blog at a base path: a post with a heading and Resources, a draft, a post scheduled after "now", a page. */
const files = {
  "posts/lantern.md": post("Lantern basics", "2024-05-01", "description: Why lanterns glow\n",
    "Intro about wicks.\n\n## Trimming the wick\n\nA trimmed wick burns *evenly* & cleanly.\n\n---\n\n# Resources\n\n- [Ada Zyzzyva - Candle chemistry](https://example.org/candles)\n"),
  "posts/secret.md": post("Secret plans", "2024-06-01", "draft: true\n", "Marmalade schemes.\n"),
  "posts/later.md": post("Later news", "2099-01-01", "", "Gooseberry futures.\n"),
  "pages/about.md": "---\ntitle: About\n---\n\nWho writes about lanterns.\n",
};
const config = { title: "Quokka Notes", url: "https://x.org/blog/", author: "Someone", search: true };
const out = (root: string, file: string) => readFileSync(path.join(root, "dist", file), "utf8");
const build = (root: string, ...flags: string[]) => runCli(["build", "--root", root, "--out", path.join(root, "dist"), ...flags]);

interface Index { docs: string[]; chunks: Record<string, string> }
/** The built index: its entry, every term, and each document's fragment. */
function readIndex(root: string) {
  const pointer = JSON.parse(out(root, "search/index.json")) as { format: number; index: string };
  const entryPath = path.posix.join("search", pointer.index);
  const entry = JSON.parse(out(root, entryPath)) as Index;
  const dir = path.posix.dirname(entryPath);
  const terms = Object.values(entry.chunks).flatMap((c) => Object.keys(JSON.parse(out(root, `${dir}/${c}`)) as object));
  const docs = entry.docs.map((d) => JSON.parse(out(root, `${dir}/${d}`)) as { url: string; title: string; sections: [string, string, string][] });
  return { pointer, entryPath, terms, docs };
}

describe("the search index of a build", () => {
  it("holds every published post and page, under content-hashed names, and nothing of the site's chrome", async () => {
    const root = makeBlog(files, config);
    const run = await build(root);
    expect(reported(run)).toEqual([]);
    expect(run.code).toBe(0);
    const { pointer, entryPath, terms, docs } = readIndex(root);
    expect(pointer.format).toBe(1);
    expect(entryPath).toMatch(/^assets\/search\/index\.[0-9a-f]{8}\.json$/);
    expect(readdirSync(path.join(root, "dist/assets/search")).every((name) => /^(doc|terms|index)\.[0-9a-f]{8}\.json$/.test(name))).toBe(true);
    expect(docs.map((d) => d.url).sort()).toEqual(["/blog/about/", "/blog/posts/lantern/"]);
    expect(docs.find((d) => d.url === "/blog/posts/lantern/")?.sections).toEqual([
      ["", "", "Intro about wicks."], ["trimming-the-wick", "Trimming the wick", "A trimmed wick burns evenly & cleanly."],
    ]);
    expect(terms).toEqual(expect.arrayContaining(["lantern", "lanterns", "wick", "trimming", "glow", "evenly"]));
    // Not drafts, not scheduled posts; not the header, navigation, footer or the Resources list.
    for (const word of ["marmalade", "gooseberry", "quokka", "archive", "daylight", "subscribe", "zyzzyva", "candle", "resources"]) {
      expect(terms, word).not.toContain(word);
    }
    // The immutable class of `_headers` covers them; the pointer is revalidated like a page.
    const manifest = JSON.parse(out(root, "daylight-manifest.json")) as { files: Record<string, { cache: string }> };
    expect(manifest.files[entryPath]?.cache).toBe("immutable");
    expect(manifest.files["search/index.json"]?.cache).toBe("revalidate");
  });

  it("works at the base path: the page's script and box name the index and search page below it", async () => {
    const root = makeBlog(files, config);
    await build(root);
    const html = out(root, "posts/lantern/index.html");
    expect(html).toMatch(/<script src="\/blog\/assets\/search\.[0-9a-f]{8}\.js" defer data-index="\/blog\/search\/index\.json"><\/script>/);
    expect(html).toContain('<form class="site-search" role="search" action="/blog/search/" method="get" data-search hidden>');
    const page = out(root, "search/index.html");
    expect(page).toContain("<noscript>");
    expect(page).toContain("Search needs JavaScript");
    expect(page).not.toContain('class="site-search"');
  });

  it("indexes drafts and scheduled posts only in a build that shows them", async () => {
    const root = makeBlog(files, config);
    expect((await build(root, "--drafts", "--future")).code).toBe(0);
    expect(readIndex(root).terms).toEqual(expect.arrayContaining(["marmalade", "gooseberry"]));
  });

  it("is the same bytes in two builds of the same sources", async () => {
    const one = makeBlog(files, config);
    const two = makeBlog(files, config);
    await build(one, "--no-cache");
    await build(two);
    const searchFilesOf = (root: string) => Object.fromEntries(Object.entries(snapshot(path.join(root, "dist"))).filter(([p]) => /^(search|assets\/search)\//.test(p)));
    expect(Object.keys(searchFilesOf(one)).length).toBeGreaterThan(3);
    expect(searchFilesOf(two)).toEqual(searchFilesOf(one));
  });

  it("is the same bytes after an edit whether the build used its cache and last output or neither", async () => {
    const cached = makeBlog(files, config);
    expect((await build(cached)).code).toBe(0);
    const edit = (root: string) => writeFileSync(path.join(root, "posts/lantern.md"), files["posts/lantern.md"].replace("Intro about wicks.", "Intro about wicks and quinces."));
    edit(cached);
    const run = await build(cached, "--timings");
    expect(run.code).toBe(0);
    const fresh = makeBlog(files, config);
    edit(fresh);
    expect((await build(fresh, "--no-cache")).code).toBe(0);
    // The current index's files (the cached build's folder also keeps the previous generation's).
    const current = (root: string) => {
      const { entryPath } = readIndex(root);
      const entry = JSON.parse(out(root, entryPath)) as Index;
      const named = [entryPath, ...entry.docs, ...Object.values(entry.chunks)].map((n) => n.replace(/^(assets\/search\/)?/, "assets/search/"));
      return Object.fromEntries(["search/index.json", ...named.sort()].map((n) => [n, out(root, n)]));
    };
    expect(current(cached)).toEqual(current(fresh));
    expect(readIndex(cached).terms).toContain("quinces");
  });

  it("is not made with `search: false`: no index, no script, no search page, no box", async () => {
    const root = makeBlog(files, config);
    await build(root);
    expect(existsSync(path.join(root, "dist/search/index.json"))).toBe(true);
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ ...config, search: false }));
    const run = await build(root);
    expect(run.code).toBe(0);
    expect(out(root, "index.html")).not.toMatch(/search/i);
    // What is left of search is the hashed files the previous generation's pages may still
    // load, kept like its CSS; the new generation has none of its own.
    const manifest = JSON.parse(out(root, "daylight-manifest.json")) as { generations: { assets: string[] }[] };
    const [current, previous] = manifest.generations;
    expect(current?.assets.filter((a) => /search/.test(a))).toEqual([]);
    const left = Object.keys(snapshot(path.join(root, "dist"))).filter((n) => /search/.test(n));
    expect(left.length).toBeGreaterThan(0);
    expect(previous?.assets).toEqual(expect.arrayContaining(left));
    const fresh = makeBlog(files, { ...config, search: false });
    expect((await build(fresh)).code).toBe(0);
    expect(Object.keys(snapshot(path.join(fresh, "dist"))).filter((n) => /search/.test(n))).toEqual([]);
    // Search is on unless a site says otherwise.
    const { search: _search, ...unsaid } = config;
    const byDefault = makeBlog(files, unsaid);
    expect((await build(byDefault)).code).toBe(0);
    expect(readIndex(byDefault).docs.map((d) => d.url).sort()).toEqual(["/blog/about/", "/blog/posts/lantern/"]);
  });

  it("reports a `search` value that is not true or false where it stands", async () => {
    const root = makeBlog(files, config);
    writeFileSync(path.join(root, "site.config.json"), '{\n  "url": "https://x.org/",\n  "search": "yes"\n}\n');
    const run = await build(root);
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["site.config.json:3:13 [config-error]"]);
    expect(run.err.join("\n") + run.out.join("\n")).toContain("must be true or false");
  });
});
