import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, readOutput, runCli, tempDir } from "../support/run-cli.js";

/** Builds a fixture site as its generator left it (posts copied into posts/), into a fresh folder. */
async function build(root: string) {
  const out = path.join(tempDir(), "dist");
  const run = await runCli(["build", "--root", root, "--out", out]);
  // One entry per diagnostic: its first line (the hint follows on the next).
  const diagnostics = run.err.map((entry) => entry.split("\n")[0] ?? "").filter((line) => /  (error|warning)  /.test(line));
  return { out, run, diagnostics, has: (file: string) => existsSync(path.join(out, file)) };
}

const rule = (line: string) => /\[([a-z-]+)\]$/.exec(line)?.[1];
const redirects = (out: string) => readOutput(out, "_redirects").split("\n").filter((l) => l !== "" && !l.startsWith("#"));

describe("blogs from other generators build unedited", () => {
  it("Jekyll: dates and slugs from _posts names, categories as tags, published: false, permalink", async () => {
    const { out, run, diagnostics, has } = await build(path.join(fixturesDir, "migrate-jekyll"));
    expect(run.code).toBe(0);
    // Jekyll keeps its images in /assets/, which daylight serves as immutable: the one thing to move.
    expect(diagnostics.map(rule)).toEqual(["unhashed-asset"]);
    expect(has("posts/welcome-to-jekyll/index.html")).toBe(true);
    expect(has("posts/jekyll-3-3-is-here/index.html")).toBe(true);
    // The date from the name, or from `date:` (which wins) with its offset.
    expect(readOutput(out, "posts/welcome-to-jekyll/index.html")).toContain('datetime="2016-09-01T00:00:00.000Z"');
    expect(readOutput(out, "posts/jekyll-3-3-is-here/index.html")).toContain('datetime="2016-10-06T17:15:00.000Z"');
    // `categories: jekyll update` is two categories in Jekyll; `category:` one.
    for (const tag of ["jekyll", "update", "release", "themes", "community"]) expect(has(`tags/${tag}/index.html`)).toBe(true);
    // `published: false` stays unpublished, `date:` beside it is no duplicate.
    expect(has("posts/unfinished-notes/index.html")).toBe(false);
    expect(readOutput(out, "feed.xml")).not.toContain("Notes for a post");
    // The old permalink redirects; the page whose permalink is its URL now needs none.
    expect(redirects(out)).toEqual(["/blog/2015/02/03/moved-post.html /posts/moved-post/ 301"]);
    expect(readOutput(out, "blog/2015/02/03/moved-post.html")).toContain("https://jekyll.example.org/posts/moved-post/");
    expect(has("about/index.html")).toBe(true);
    expect(readOutput(out, "posts/jekyll-3-3-is-here/index.html")).toContain('href="/posts/welcome-to-jekyll/"');
  });

  it("Hugo: TOML front matter, page bundles with their files, aliases and url, drafts", async () => {
    const { out, run, diagnostics, has } = await build(path.join(fixturesDir, "migrate-hugo"));
    expect(run.code).toBe(0);
    expect(diagnostics).toEqual([]);
    const bundle = readOutput(out, "posts/first-bundle/index.html");
    expect(bundle).toMatch(/<img src="\/assets\/cover\.[0-9a-f]{8}\.png"/);
    expect(bundle).toContain('datetime="2020-01-15T08:30:00.000Z"');
    expect(bundle).toContain('href="/posts/dated-bundle/"');
    expect(has("posts/dated-bundle/index.html")).toBe(true);
    expect(readOutput(out, "posts/dated-bundle/index.html")).toContain('datetime="2021-06-10T00:00:00.000Z"');
    for (const tag of ["hugo", "bundles", "notes"]) expect(has(`tags/${tag}/index.html`)).toBe(true);
    expect(redirects(out)).toEqual(["/2019/05/old-url-post/ /posts/old-url/ 301", "/2020/01/first-bundle/ /posts/first-bundle/ 301"]);
    // A draft and the section file (`_index.md`) are not published.
    expect(has("posts/work-in-progress/index.html")).toBe(false);
    expect(has("posts/index/index.html") || has("posts/_index/index.html")).toBe(false);
    expect(has("about/index.html")).toBe(true);
  });

  it("Zola: TOML with [taxonomies] and [extra], dated bundle folders", async () => {
    const { out, run, diagnostics, has } = await build(path.join(fixturesDir, "migrate-zola"));
    expect(run.code).toBe(0);
    expect(diagnostics).toEqual([]);
    const tips = readOutput(out, "posts/rust-tips/index.html");
    expect(tips).toContain('datetime="2024-03-05T00:00:00.000Z"');
    expect(tips).toMatch(/<img src="\/assets\/ferris\.[0-9a-f]{8}\.png"/);
    for (const tag of ["rust", "tips", "programming"]) expect(has(`tags/${tag}/index.html`)).toBe(true);
    expect(readOutput(out, "posts/zola-dates/index.html")).toContain('datetime="2024-04-01T00:00:00.000Z"');
    expect(redirects(out)).toEqual(["/old/zola-dates/ /posts/zola-dates/ 301"]);
  });

  it("Eleventy: base-blog posts, folder posts with images, drafts, permalink: false, a .njk named", async () => {
    const { out, run, diagnostics, has } = await build(path.join(fixturesDir, "migrate-eleventy"));
    expect(run.code).toBe(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^posts\/thirdpost\.njk:1:1  warning .*\[unbuilt-markup\]$/);
    for (const slug of ["firstpost", "secondpost", "fourthpost", "dated-name"]) expect(has(`posts/${slug}/index.html`)).toBe(true);
    expect(readOutput(out, "posts/fourthpost/index.html")).toMatch(/<img src="\/assets\/possum\.[0-9a-f]{8}\.png"/);
    for (const hidden of ["draft", "hidden-page", "thirdpost"]) expect(has(`posts/${hidden}/index.html`)).toBe(false);
    // The directory data file is a file like any other: published only when a post links to it.
    expect(readFileSync(path.join(out, "daylight-manifest.json"), "utf8")).not.toContain("11tydata");
    expect(has("tags/another-tag/index.html") && has("tags/second-tag/index.html")).toBe(true);
  });

  it("Astro: pubDate, updatedDate and heroImage read; an .mdx named, not dropped silently", async () => {
    const { out, run, diagnostics, has } = await build(path.join(fixturesDir, "migrate-astro"));
    expect(run.code).toBe(0);
    expect(diagnostics.map(rule)).toEqual(["unbuilt-markup"]);
    expect(diagnostics[0]).toContain("posts/using-mdx.mdx");
    const first = readOutput(out, "posts/first-post/index.html");
    expect(first).toContain('datetime="2022-07-08T00:00:00.000Z"');
    expect(first).toContain('<meta property="og:image" content="https://astro.example.org/blog-placeholder-3.png">');
    expect(readOutput(out, "posts/second-post/index.html")).toContain("2022-07-20");
    expect(has("posts/using-mdx/index.html")).toBe(false);
  });
});

describe("line endings", () => {
  it("keeps `\\r` of CRLF posts out of the HTML", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "posts"));
    writeFileSync(path.join(root, "site.config.json"), '{"title": "T", "url": "https://example.com/"}');
    const body = ["A paragraph", "across lines.", "", "    indented", "    code", "", "```js", "const a = 1;", "```", "", "<div>", "raw", "</div>", ""];
    writeFileSync(path.join(root, "posts/crlf.md"), ["---", "title: CRLF", "date: 2024-01-01", "---", "", ...body].join("\r\n"));
    const { out, run } = await build(root);
    expect(run.code).toBe(0);
    const page = readOutput(out, "posts/crlf/index.html");
    expect(page).toContain("A paragraph\nacross lines.");
    expect(page).not.toContain("\r");
  });
});
