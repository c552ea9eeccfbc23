import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { permalinkMatcher, permalinkPath, permalinkProblem, sectionOf } from "../../src/urls/permalink.js";

describe("permalinkProblem", () => {
  it("accepts the documented patterns", () => {
    for (const pattern of ["/posts/:slug/", "/:slug/", "/blog/:section/:slug/", "/:year/:month/:slug/", "/:year/:month/:day/:slug/"]) {
      expect(permalinkProblem(pattern), pattern).toBeUndefined();
    }
  });

  it.each([
    [42, "must be a string"],
    ["posts/:slug/", 'must start and end with "/"'],
    ["/posts/:slug", 'must start and end with "/"'],
    ["/posts/", "must contain :slug"],
    ["/:year/:month/", "must contain :slug"],
    ["/posts/:slugg/", "unknown placeholder `:slugg` (did you mean `:slug`?)"],
    ["/:title/", "unknown placeholder `:title`"],
    ["/posts//:slug/", "empty segment"],
    ["/:slug/:slug/", "uses `:slug` twice"],
    ["/post-:slug/", "a placeholder takes a whole segment"],
    ["/../:slug/", "a fixed segment is letters"],
    ["/feed.xml/:slug/", "a fixed segment is letters"],
    ["/tags/:slug/", "must not start with /tags/"],
    ["/page/:slug/", "must not start with /page/"],
  ])("refuses %j", (pattern, problem) => {
    expect(permalinkProblem(pattern)).toContain(problem);
  });

  it("is a config error at the value in site.config.json", () => {
    const text = '{\n  "title": "A",\n  "permalink": "/:slugg/"\n}\n';
    const { config, diagnostics } = resolveConfig(text);
    expect(diagnostics).toMatchObject([{ rule: "config-error", severity: "error", file: "site.config.json", line: 3, column: 16 }]);
    expect(diagnostics[0]?.message).toContain('"permalink" has an unknown placeholder `:slugg`');
    expect(config.permalink).toBe("/posts/:slug/");
  });

  it("defaults to /posts/:slug/ and keeps a valid value", () => {
    expect(resolveConfig(undefined).config.permalink).toBe("/posts/:slug/");
    expect(resolveConfig('{ "permalink": "/:slug/" }').config.permalink).toBe("/:slug/");
  });
});

describe("sectionOf", () => {
  it.each([
    ["posts/release/v20.md", "release"],
    ["posts/release/v20/index.md", "release"],
    ["posts/release/2024/v20.md", "release"],
    ["posts/Release Notes/v20.md", "release-notes"],
    ["posts/v20/index.md", undefined],
    ["posts/v20.md", undefined],
    ["pages/about.md", undefined],
  ])("%s → %s", (path, section) => {
    expect(sectionOf(path)).toBe(section);
  });
});

describe("permalinkPath", () => {
  const published = new Date("2025-03-31T23:30:00Z");

  it("fills each placeholder", () => {
    const fields = { slug: "a", section: "news", published };
    expect(permalinkPath("/posts/:slug/", fields, "UTC")).toEqual({ path: "/posts/a/" });
    expect(permalinkPath("/:slug/", fields, "UTC")).toEqual({ path: "/a/" });
    expect(permalinkPath("/blog/:section/:slug/", fields, "UTC")).toEqual({ path: "/blog/news/a/" });
    expect(permalinkPath("/:year/:month/:day/:slug/", fields, "UTC")).toEqual({ path: "/2025/03/31/a/" });
  });

  it("dates a post in the site's timezone", () => {
    const fields = { slug: "a", section: undefined, published };
    expect(permalinkPath("/:year/:month/:day/:slug/", fields, "Europe/Berlin")).toEqual({ path: "/2025/04/01/a/" });
  });

  it("names the placeholder a post has no value for", () => {
    expect(permalinkPath("/blog/:section/:slug/", { slug: "a", section: undefined, published }, "UTC")).toEqual({ missing: "section" });
    expect(permalinkPath("/:year/:slug/", { slug: "a", section: "x", published: undefined }, "UTC")).toEqual({ missing: "year" });
  });
});

describe("permalinkMatcher", () => {
  it("matches a path in the pattern's form, with or without its trailing slash", () => {
    const matcher = permalinkMatcher("/blog/:section/:slug/");
    expect(matcher.exec("blog/release/v20/")?.groups?.slug).toBe("v20");
    expect(matcher.exec("blog/release/v20")?.groups?.slug).toBe("v20");
    expect(matcher.exec("blog/v20/")).toBeNull();
    expect(permalinkMatcher("/:year/:month/:slug/").exec("2025/03/a")?.groups?.slug).toBe("a");
    expect(permalinkMatcher("/:year/:month/:slug/").exec("2025/march/a")).toBeNull();
  });
});

describe("parsePost with a permalink pattern", () => {
  const config = (permalink: string): SiteConfig => ({ ...defaultSiteConfig, basePath: "/blog/", url: "https://example.com/blog/", permalink });
  const text = "!! title: A\n!! published: 2025-03-14\n\nBody.\n";

  it("gives the post its URL from the pattern, base path included; a page keeps /<slug>/", () => {
    expect(parsePost({ path: "posts/a.md", text }, config("/:slug/")).post?.url).toBe("/blog/a/");
    expect(parsePost({ path: "posts/news/a/index.md", text }, config("/blog/:section/:slug/")).post?.url).toBe("/blog/blog/news/a/");
    expect(parsePost({ path: "posts/a.md", text }, config("/:year/:month/:slug/")).post?.url).toBe("/blog/2025/03/a/");
    expect(parsePost({ path: "pages/a.md", text }, config("/blog/:section/:slug/"), "page").post?.url).toBe("/blog/a/");
  });

  it("is a positioned error for a post directly in posts/ under a :section pattern", () => {
    const { post, diagnostics } = parsePost({ path: "posts/a.md", text }, config("/blog/:section/:slug/"));
    expect(post).toBeUndefined();
    expect(diagnostics).toMatchObject([{ rule: "permalink-unfilled", severity: "error", file: "posts/a.md", line: 1, column: 1 }]);
    expect(diagnostics[0]?.hint).toContain("posts/<section>/a.md");
  });

  it("is an error for a draft without a date under a date pattern", () => {
    const draft = "!! title: A\n!! draft: true\n\nBody.\n";
    expect(parsePost({ path: "posts/a.md", text: draft }, config("/posts/:slug/")).diagnostics).toEqual([]);
    expect(parsePost({ path: "posts/a.md", text: draft }, config("/:year/:slug/")).diagnostics).toMatchObject([{ rule: "permalink-unfilled" }]);
  });

  it("drops an old URL that is the post's URL under the pattern", () => {
    const moved = "---\ntitle: A\ndate: 2025-03-14\npermalink: /a/\n---\nBody.\n";
    expect(parsePost({ path: "posts/a.md", text: moved }, config("/:slug/")).post?.meta.aliases).toEqual([]);
    expect(parsePost({ path: "posts/a.md", text: moved }, config("/posts/:slug/")).post?.meta.aliases).toEqual(["/a/"]);
  });
});
