import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { OutputFile, RenderedPost } from "../../src/model.js";
import { assembleSite } from "../../src/site/assemble-site.js";
import { readTheme, type Theme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";
import { makeRenderedPost, type RenderedPostInput } from "../support/make-rendered-post.js";

const builtinTemplates = fileURLToPath(new URL("../../templates", import.meta.url));
const config: SiteConfig = {
  ...defaultSiteConfig,
  title: "Field Notes",
  author: "Ann Example",
  url: "https://example.com/blog/",
  basePath: "/blog/",
  postsPerPage: 5,
};
const now = new Date("2030-01-01T00:00:00Z");

const renderedPost = (input: RenderedPostInput, site = config): RenderedPost => makeRenderedPost(input, site);

/** Twelve posts, newest first: p12 on 12 March 2025 down to p01 on 1 March. */
const twelvePosts = (site = config) =>
  Array.from({ length: 12 }, (_, i) => {
    const n = 12 - i;
    const slug = `p${String(n).padStart(2, "0")}`;
    return renderedPost({ slug, published: new Date(Date.UTC(2025, 2, n)) }, site);
  });

let theme: Theme;
beforeAll(async () => {
  theme = await readTheme(undefined, builtinTemplates);
});

function build(posts: readonly RenderedPost[], site = config) {
  return assembleSite({ posts, pages: [], config: site, theme, renderer: createTemplateRenderer(theme, site, now), now, publicPaths: new Set() });
}

const contentsOf = (files: readonly OutputFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  if (!file || !("contents" in file) || typeof file.contents !== "string") throw new Error(`no ${path}`);
  return file.contents;
};


/** The built-in stylesheet, published under its content-hashed name. */
const hashedCss = expect.stringMatching(/^assets\/style\.[0-9a-f]{8}\.css$/);
/** The theme's search script, published under its content-hashed name (search is on by default). */
const hashedScript = expect.stringMatching(/^assets\/search\.[0-9a-f]{8}\.js$/);
const isIndexFile = (path: string) => path.startsWith("assets/search/") || path === "search/index.json";

/**
 * The paths of `files` with the search index's files (fragments, chunks, entry, pointer) told
 * apart: they follow the search page, one fragment per post or page, then the chunks, the
 * entry and the pointer.
 */
function pathsOf(files: readonly OutputFile[]) {
  const paths = files.map((f) => f.path);
  const index = paths.filter(isIndexFile);
  const kinds = index.map((p) => (p === "search/index.json" ? "pointer" : /^assets\/search\/(doc|terms|index)\.[0-9a-f]{8}\.json$/.exec(p)?.[1]));
  const from = paths.indexOf("search/index.html") + 1;
  expect(paths.slice(from, from + index.length)).toEqual(index);
  return { site: paths.filter((p) => !isIndexFile(p)), fragments: kinds.filter((k) => k === "doc").length, kinds: [...new Set(kinds)] };
}
describe("assembleSite with the default theme", () => {
  it("adds the search page, the index's pointer and files and the script unless the config turns search off", () => {
    const searchPaths = (files: readonly OutputFile[]) => files.map((f) => f.path).filter((p) => /search/.test(p));
    const without: SiteConfig = { ...config, search: false };
    expect(searchPaths(build(twelvePosts(without), without).files)).toEqual([]);
    const { files, diagnostics } = build(twelvePosts());
    expect(diagnostics).toEqual([]);
    expect(searchPaths(files)).toEqual(expect.arrayContaining([
      "search/index.html", "search/index.json", expect.stringMatching(/^assets\/search\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^assets\/search\/index\.[0-9a-f]{8}\.json$/),
    ]));
  });

  it("has every post's and page's own page and the search index made before the lists, tag pages, feeds and sitemap", () => {
    const about = renderedPost({ slug: "about", kind: "page", title: "About us" });
    const posts = twelvePosts().map((p, i) => (i === 0 ? renderedPost({ slug: "p12", published: new Date(Date.UTC(2025, 2, 12)), tags: ["ops"] }) : p));
    let ready: string[] | undefined;
    const result = assembleSite({
      posts, pages: [about], config, theme, renderer: createTemplateRenderer(theme, config, now), now, publicPaths: new Set(),
      postsReady: (files) => void (ready = files.map((f) => f.path)),
    });
    expect(result.diagnostics).toEqual([]);
    const all = result.files.map((f) => f.path);
    expect(ready).toEqual(all.slice(0, ready?.length));
    expect(ready).toEqual(expect.arrayContaining([...posts.map((p) => `posts/${p.post.meta.slug}/index.html`), "about/index.html", "search/index.json"]));
    expect(ready?.filter(isIndexFile).length).toBe(all.filter(isIndexFile).length);
    for (const later of ["index.html", "page/2/index.html", "tags/index.html", "tags/ops/index.html", "archive/index.html", "feed.xml", "sitemap.xml"]) {
      expect(all).toContain(later);
      expect(ready).not.toContain(later);
    }
  });

  it("writes paginated indexes, one page per post, archive, 404, feeds, sitemap, robots and assets", () => {
    const { files, diagnostics } = build(twelvePosts());
    expect(diagnostics).toEqual([]);
    const { site, fragments, kinds } = pathsOf(files);
    // Each post's page and the search index first (a new post is served and found with them in the dev server), then the lists.
    expect(site).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `posts/p${String(12 - i).padStart(2, "0")}/index.html`),
      "search/index.html",
      "index.html",
      "page/2/index.html",
      "page/3/index.html",
      "archive/index.html",
      "404.html",
      "feed.xml",
      "atom.xml",
      "feed.json",
      "sitemap.xml",
      "robots.txt",
      hashedScript,
      hashedCss,
    ]);
    expect([fragments, kinds]).toEqual([12, ["doc", "terms", "index", "pointer"]]);
    expect(files.at(-1)).toMatchObject({ path: hashedCss, contents: expect.stringContaining("prefers-color-scheme") });
  });

  it("links the index pages and lists five posts on each full page", () => {
    const { files } = build(twelvePosts());
    const first = contentsOf(files, "index.html");
    expect(first.match(/<article class="post-summary/g)).toHaveLength(5);
    expect(first).toContain('href="/blog/page/2/"');
    expect(first).toContain('<link rel="canonical" href="https://example.com/blog/">');
    const last = contentsOf(files, "page/3/index.html");
    expect(last.match(/<article class="post-summary/g)).toHaveLength(2);
    expect(last).toContain('href="/blog/page/2/"');
    expect(last).toContain("<title>Page 3 · Field Notes</title>");
  });

  it("gives a post page its head, dates, neighbours and resources", () => {
    const posts = twelvePosts();
    posts[1] = renderedPost({
      slug: "p11", published: new Date("2025-03-11T00:00:00Z"), tags: ["ops"],
      resources: [{ n: 1, author: "Nygard", title: "Release It!", url: "https://example.com/ri" }, { n: 2, author: undefined, title: "Notes", url: undefined }],
    });
    const html = contentsOf(build(posts).files, "posts/p11/index.html");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<link rel="canonical" href="https://example.com/blog/posts/p11/">');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Field Notes (RSS)" href="/blog/feed.xml">');
    expect(html).toContain('<time datetime="2025-03-11T00:00:00.000Z">11 March 2025</time>');
    expect(html).toContain('<a class="post-nav-previous" href="/blog/posts/p10/" rel="prev">');
    expect(html).toContain('<a class="post-nav-next" href="/blog/posts/p12/" rel="next">');
    expect(html).toContain('<section id="resources" class="resources">\n  <h2>References</h2>');
    expect(html).toContain('<li id="resource-1"><span class="resource-author">Nygard</span> – <a href="https://example.com/ri">Release It!</a></li>');
    expect(html).toContain('<li id="resource-2">Notes</li>');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main"');
  });

  it("escapes a hostile title everywhere and marks drafts", () => {
    const evil = renderedPost({ slug: "evil", title: '<script>alert("x")</script> & co', draft: true, published: new Date("2025-04-01T00:00:00Z") });
    const { files } = build([evil]);
    for (const path of ["index.html", "posts/evil/index.html"]) {
      const html = contentsOf(files, path);
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co");
      expect(html).toContain('<span class="badge">Draft</span>');
    }
    expect(contentsOf(files, "feed.xml")).not.toContain("<script>");
  });

  it("builds a site with no posts and no URL: one empty index, no feed, no canonical links", () => {
    const local: SiteConfig = { ...config, url: undefined, basePath: "/" };
    const { files, diagnostics } = build([], local);
    expect(diagnostics).toEqual([]);
    const { site, fragments, kinds } = pathsOf(files);
    expect(site).toEqual(["search/index.html", "index.html", "archive/index.html", "404.html", hashedScript, hashedCss]);
    // An empty index: an entry naming no fragment and no chunk, and the pointer.
    expect([fragments, kinds]).toEqual([0, ["index", "pointer"]]);
    const index = contentsOf(files, "index.html");
    expect(index).toContain("No posts yet.");
    expect(index).not.toMatch(/rel="(canonical|alternate)"/);
  });

  it("reports a broken template once, however many pages use it", async () => {
    const broken: Theme = {
      ...theme,
      templates: new Map([...theme.templates, ["post.liquid", { name: "post.liquid", path: "templates/post.liquid", text: "\n{{ post.nope }}" }]]),
    };
    const result = assembleSite({
      posts: twelvePosts(), pages: [], config, theme: broken, renderer: createTemplateRenderer(broken, config, now), now, publicPaths: new Set(),
    });
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/post.liquid", line: 2, column: 4 }]);
    expect(result.files.some((f) => f.path.startsWith("posts/"))).toBe(false);
  });

  it("renders standalone pages with page.liquid, lists them in the nav, and keeps them out of lists and feeds", () => {
    const about = renderedPost({ slug: "about", kind: "page", title: "About us" });
    const result = assembleSite({
      posts: twelvePosts(), pages: [about], config, theme, renderer: createTemplateRenderer(theme, config, now), now, publicPaths: new Set(),
    });
    expect(result.diagnostics).toEqual([]);
    const html = contentsOf(result.files, "about/index.html");
    expect(html).toContain('<article class="page">');
    expect(html).toContain('<li><a href="/blog/about/" aria-current="page">About us</a></li>');
    expect(contentsOf(result.files, "index.html")).toContain('<li><a href="/blog/about/">About us</a></li>');
    expect(contentsOf(result.files, "index.html").slice(contentsOf(result.files, "index.html").indexOf("<main"))).not.toContain("/blog/about/");
    expect(contentsOf(result.files, "feed.xml")).not.toContain("/blog/about/");
    expect(contentsOf(result.files, "sitemap.xml")).toContain("<loc>https://example.com/blog/about/</loc>");
  });

  it("refuses a page slug daylight uses itself, and warns about a nav slug that names no page", () => {
    const tags = renderedPost({ slug: "tags", kind: "page", sourceText: "!! title: Tags\n!! slug: tags\n" });
    const site = { ...config, nav: ["abuot"] };
    const result = assembleSite({
      posts: [], pages: [tags], config: site, theme, renderer: createTemplateRenderer(theme, site, now), now, publicPaths: new Set(),
    });
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.file, d.line, d.column])).toEqual([
      ["reserved-slug", "error", "pages/tags.md", 2, 10],
      ["config-error", "warning", "site.config.json", undefined, undefined],
    ]);
  });

  it("writes tag pages but no feeds, sitemap or robots.txt without a site URL", () => {
    const local: SiteConfig = { ...config, url: undefined, basePath: "/" };
    const posts = [renderedPost({ slug: "a", published: new Date("2025-01-01T00:00:00Z"), tags: ["ops"] }, local)];
    const { files, diagnostics } = build(posts, local);
    expect(diagnostics).toEqual([]);
    expect(pathsOf(files).site).toEqual([
      "posts/a/index.html", "search/index.html", "index.html", "tags/index.html", "tags/ops/index.html", "archive/index.html", "404.html", hashedScript, hashedCss,
    ]);
    expect(contentsOf(files, "tags/ops/index.html")).not.toContain('rel="alternate"');
  });
});
