import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import type { LinkTarget } from "../../src/model.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { resolveLocalUrl } from "../../src/markdown/resolve-local-url.js";
import type { RenderContext } from "../../src/markdown/render-context.js";
import { makePost } from "./make-post.js";

/** A context whose posts sit where `permalink` puts them: `urls` maps slug → URL. */
function contextFor(permalink: string, basePath: string, urls: Record<string, string>, pages: string[] = []): RenderContext {
  const targets = Object.entries(urls).map(([slug, url]): [string, LinkTarget] => [slug, { slug, url }]);
  return { config: { ...defaultSiteConfig, basePath, permalink }, links: { posts: new Map(targets) }, assets: new Map(), pages: new Set(pages) };
}

describe("root links in the form of the permalink pattern", () => {
  const sectioned = contextFor("/blog/:section/:slug/", "/", { v20: "/blog/release/v20/", hello: "/blog/news/hello/" });
  const resolve = (url: string, context = sectioned) => resolveLocalUrl(url, "posts/news/x.md", context);

  it("name the post at that URL, with or without the trailing slash", () => {
    expect(resolve("/blog/release/v20")).toMatchObject({ kind: "post", slug: "v20", url: "/blog/release/v20/", known: true });
    expect(resolve("/blog/release/v20/#notes")).toMatchObject({ kind: "post", url: "/blog/release/v20/#notes", fragment: "notes", known: true });
  });

  it("are broken post links when no post is there, hinting at the right URL", () => {
    expect(resolve("/blog/news/v20")).toMatchObject({ kind: "post", known: false, suggestion: "/blog/release/v20/", url: "/blog/news/v20" });
    expect(resolve("/blog/release/v21")).toMatchObject({ kind: "post", known: false, suggestion: "/blog/release/v20/" });
  });

  it("leave paths of another form alone", () => {
    expect(resolve("/docs/intro/")).toEqual({ kind: "unresolved" });
    expect(resolve("blog/release/v20")).toEqual({ kind: "unresolved" });
  });

  it("are read with or without the base path", () => {
    const based = contextFor("/:slug/", "/site/", { "what-is-x": "/site/what-is-x/" }, ["about/"]);
    expect(resolve("/what-is-x", based)).toMatchObject({ kind: "post", url: "/site/what-is-x/", known: true });
    expect(resolve("/site/what-is-x/", based)).toMatchObject({ kind: "post", url: "/site/what-is-x/", known: true });
    // Pages and daylight's own pages win: they are no post.
    expect(resolve("/about/", based)).toEqual({ kind: "page", url: "/site/about/" });
    expect(resolve("/archive/", based)).toEqual({ kind: "page", url: "/site/archive/" });
  });

  it("still take ./posts/<slug> whatever the pattern", () => {
    expect(resolve("./posts/v20")).toMatchObject({ kind: "post", url: "/blog/release/v20/", known: true });
  });

  it("become links to the post, and a broken one is a positioned broken-post-link error", () => {
    const text = "!! title: X\n!! published: 2025-01-01\n\n[ok](/blog/release/v20) and [bad](/blog/release/v2)\n";
    const rendered = renderPost(makePost(text, { path: "posts/news/x.md" }), sectioned);
    expect(rendered.html).toContain('href="/blog/release/v20/"');
    expect(rendered.diagnostics).toMatchObject([{ rule: "broken-post-link", severity: "error", line: 4, column: 29 }]);
    expect(rendered.diagnostics[0]?.message).toContain("`/blog/release/v2` has the form of a post URL");
  });
});
