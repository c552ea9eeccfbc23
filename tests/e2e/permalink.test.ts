import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog, reported } from "../support/make-blog.js";
import { runCli, tempDir } from "../support/run-cli.js";

const yaml = (title: string, extra = "") => `---\ntitle: ${title}\ndate: 2024-05-01\n${extra}---\n\n`;
const build = (root: string) => runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
const out = (root: string, file: string) => readFileSync(path.join(root, "dist", file), "utf8");

describe('a page-bundle blog with "permalink": "/:slug/"', () => {
  const files = {
    "posts/what-is-x/index.md": yaml("What is X", "permalink: /what-is-x/\naliases: [/2019/x.html]\n") + "See [hello](/hello) and [again](/hello/#top).\n",
    "posts/2024-01-02-hello/index.md": yaml("Hello") + "Back to [X](./posts/what-is-x) and [X again](/what-is-x/).\n",
    "pages/about.md": "---\ntitle: About\n---\n\nAbout [X](/what-is-x).\n",
  };
  const config = { url: "https://x.org/", permalink: "/:slug/" };

  it("writes each post at /<slug>/, and every output names it there", async () => {
    const root = makeBlog(files, config);
    const run = await build(root);
    expect(reported(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, "dist/what-is-x/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "dist/hello/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "dist/posts"))).toBe(false);
    expect(out(root, "what-is-x/index.html")).toContain('<a href="/hello/">hello</a> and <a href="/hello/#top">again</a>');
    expect(out(root, "hello/index.html")).toContain('<a href="/what-is-x/">X</a> and <a href="/what-is-x/">X again</a>');
    expect(out(root, "about/index.html")).toContain('<a href="/what-is-x/">X</a>');
    expect(out(root, "feed.xml")).toContain("https://x.org/what-is-x/");
    expect(out(root, "sitemap.xml")).toContain("<loc>https://x.org/hello/</loc>");
    expect(out(root, "sitemap.xml")).not.toContain("/posts/");
    expect(out(root, "index.html")).toContain('href="/what-is-x/"');
    // The old `permalink` is the post's URL now: no redirect; the alias still gets one.
    const redirects = out(root, "_redirects");
    expect(redirects).toContain("/2019/x.html /what-is-x/ 301");
    expect(redirects).not.toMatch(/^\/what-is-x\/ /m);
    const ledger = JSON.parse(out(root, "daylight-manifest.json")) as { urls: Record<string, unknown> };
    expect(Object.keys(ledger.urls)).toEqual(expect.arrayContaining(["/what-is-x/", "/hello/", "/about/"]));
    expect((await runCli(["check", "--root", root])).code).toBe(0);
  });

  it("fails on a link in the pattern's form that names no post, at its place", async () => {
    const root = makeBlog({ ...files, "posts/broken/index.md": yaml("Broken") + "See [nothing](/helo/) and [a part](/hello/#nope).\n" }, config);
    const run = await build(root);
    expect(run.code).toBe(1);
    // Its fragment is checked too, as for ./posts/hello#nope.
    expect(reported(run)).toEqual(["posts/broken/index.md:6:5 [broken-post-link]", "posts/broken/index.md:6:27 [unknown-fragment]"]);
    expect(run.err.join("\n")).toContain("did you mean `/hello/`?");
  });

  it("refuses a post whose URL is daylight's own folder or a page's, at the post's slug", async () => {
    const clash = {
      ...files,
      "posts/tags.md": yaml("Tags") + "x\n",
      "posts/x.md": yaml("About too", "slug: about\n") + "x\n",
    };
    const run = await build(makeBlog(clash, config));
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["posts/tags.md:1:1 [reserved-slug]", "posts/x.md:4:7 [reserved-slug]"]);
    expect(run.err.join("\n")).toContain("is taken by the page pages/about.md");
  });

  it("keeps a deployed /posts/<slug>/ URL guarded when the pattern changes", async () => {
    const root = makeBlog({ "posts/what-is-x/index.md": yaml("What is X") + "x\n" }, { url: "https://x.org/" });
    expect((await build(root)).code).toBe(0);
    expect((await runCli(["deploy", "--out", path.join(root, "dist"), "--to", path.join(tempDir(), "www")])).code).toBe(0);
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify(config));
    const moved = await build(root);
    expect(moved.code).toBe(1);
    expect(moved.err.join("\n")).toMatch(/\/posts\/what-is-x\/ was published by a deploy.*\[dropped-url\]/);
  });
});

describe('a sectioned blog with "permalink": "/blog/:section/:slug/" under a base path', () => {
  const files = {
    "posts/release/v20.md": yaml("Version 20") + "Announced in [the news](/blog/news/hello) and [here](/site/blog/news/hello/).\n",
    "posts/news/hello/index.md": yaml("Hello") + "Out now: [v20](/blog/release/v20/) and [by slug](./posts/v20).\n",
  };
  const config = { url: "https://x.org/site/", permalink: "/blog/:section/:slug/" };

  it("writes each post below its section, and links in the pattern's form resolve", async () => {
    const root = makeBlog(files, config);
    const run = await build(root);
    expect(reported(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, "dist/blog/release/v20/index.html"))).toBe(true);
    expect(existsSync(path.join(root, "dist/blog/news/hello/index.html"))).toBe(true);
    expect(out(root, "blog/release/v20/index.html")).toContain('<a href="/site/blog/news/hello/">the news</a> and <a href="/site/blog/news/hello/">here</a>');
    expect(out(root, "blog/news/hello/index.html")).toContain('<a href="/site/blog/release/v20/">v20</a> and <a href="/site/blog/release/v20/">by slug</a>');
    expect(out(root, "feed.xml")).toContain("https://x.org/site/blog/release/v20/");
    expect(out(root, "sitemap.xml")).toContain("<loc>https://x.org/site/blog/news/hello/</loc>");
    const ledger = JSON.parse(out(root, "daylight-manifest.json")) as { urls: Record<string, unknown> };
    expect(Object.keys(ledger.urls)).toEqual(expect.arrayContaining(["/site/blog/release/v20/", "/site/blog/news/hello/"]));
  });

  it("fails on a post outside any section, a link to the wrong section, and one slug in two sections", async () => {
    const broken = {
      ...files,
      "posts/stray.md": yaml("Stray") + "x\n",
      "posts/updates/v20.md": yaml("Also v20") + "x\n",
      "posts/news/bad.md": yaml("Bad") + "See [v20](/blog/news/v20/).\n",
    };
    const run = await build(makeBlog(broken, config));
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual([
      "posts/news/bad.md:6:5 [broken-post-link]",
      "posts/stray.md:1:1 [permalink-unfilled]",
      "posts/updates/v20.md:1:1 [duplicate-slug]",
    ]);
    const text = run.err.join("\n");
    expect(text).toContain("did you mean `/site/blog/release/v20/`?");
    expect(text).toContain("a slug names one post site-wide, whatever its folder");
  });

  it("is a config error at the value for a pattern without :slug", async () => {
    const root = makeBlog(files, { url: "https://x.org/site/", permalink: "/blog/:section/" });
    const run = await build(root);
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["site.config.json:3:16 [config-error]"]);
  });
});
