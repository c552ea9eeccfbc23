import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { PostMeta, RenderedPost, Resource } from "../../src/model.js";
import { paginate } from "../../src/site/paginate.js";
import {
  toIndexPageData,
  toNotFoundPageData,
  toPostPageData,
  toPostsData,
  toSiteData,
} from "../../src/site/template-data.js";

const config: SiteConfig = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/" };

function renderedPost(slug: string, meta: Partial<PostMeta> = {}, resources: Resource[] = [], html = "<p>Hi</p>"): RenderedPost {
  return {
    post: {
      source: { path: `posts/${slug}.md`, text: "" },
      kind: "post",
      format: "yaml",
      body: "",
      url: `/blog/posts/${slug}/`,
      meta: {
        title: slug, slug, published: undefined, updated: undefined, description: undefined, tags: [], draft: false,
        author: undefined, image: undefined, aliases: [], extra: {}, ...meta,
      },
    },
    html, description: "", excerptHtml: undefined, resources, resourcesHeading: undefined, headings: [], postLinks: [], assets: [], diagnostics: [],
  };
}

/** Paths of every undefined value: strictVariables turns each into a template error. */
function undefinedPaths(value: unknown, at = "$"): string[] {
  if (value === undefined) return [at];
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${at}.${k}`));
}

describe("template data", () => {
  const posts = [renderedPost("new"), renderedPost("mid", { author: "Bo" }), renderedPost("old")];

  it("has every field present, null where absent, on every kind of page", () => {
    const data = toPostsData(posts, { ...config, url: undefined });
    const page = paginate(data, 2, "/")[0]!;
    for (const d of [toIndexPageData(page, config), toPostPageData(data[0]!, config), toNotFoundPageData(config)]) {
      expect(undefinedPaths(d)).toEqual([]);
    }
    expect(data[0]).toMatchObject({ permalink: null, published: null, updated: null, author: null, image: null, resourcesHeading: null });
  });

  it("calls the older neighbour previous and the newer one next", () => {
    const [newest, middle, oldest] = toPostsData(posts, config);
    expect([newest?.previous?.url, newest?.next]).toEqual(["/blog/posts/mid/", null]);
    expect([middle?.previous?.title, middle?.next?.title]).toEqual(["old", "new"]);
    expect([oldest?.previous, oldest?.next?.url]).toEqual([null, "/blog/posts/mid/"]);
  });

  it("fills in the site's author, absolute URLs and a default resources heading", () => {
    const site = { ...config, author: "Site" };
    const [withAuthor, withoutAuthor] = toPostsData(
      [renderedPost("a", { author: "Bo" }), renderedPost("b", {}, [{ n: 1, author: undefined, title: "T", url: undefined }])],
      site,
    );
    expect(withAuthor?.author).toBe("Bo");
    expect(withoutAuthor).toMatchObject({
      author: "Site",
      permalink: "https://example.com/blog/posts/b/",
      resourcesHeading: "Resources",
      resources: [{ n: 1, author: null, title: "T", url: null }],
    });
    expect(toPostPageData(withoutAuthor!, site).page).toMatchObject({ kind: "post", canonical: "https://example.com/blog/posts/b/" });
  });

  it("estimates reading time from the words of the body", () => {
    const long = renderedPost("long", {}, [], `<p>${"word ".repeat(1100)}</p>`);
    expect(toPostsData([long, renderedPost("short")], config).map((p) => p.readingMinutes)).toEqual([5, 1]);
  });

  it("describes the site, its feed and its pages", () => {
    expect(toSiteData(config)).toEqual({
      title: "My blog", description: null, author: null, language: "en",
      url: "https://example.com/blog/", basePath: "/blog/", feedUrl: "/blog/feed.xml",
    });
    expect(toSiteData({ ...config, url: undefined }).feedUrl).toBeNull();
    const pages = paginate(toPostsData(posts, config), 2, "/blog/");
    expect(toIndexPageData(pages[0]!, config).page).toMatchObject({ title: null, url: "/blog/", canonical: "https://example.com/blog/" });
    expect(toIndexPageData(pages[1]!, config)).toMatchObject({
      page: { title: "Page 2", url: "/blog/page/2/" },
      pagination: { pageNumber: 2, totalPages: 2, previousUrl: "/blog/", nextUrl: null },
    });
    expect(toNotFoundPageData(config).page).toMatchObject({ kind: "404", canonical: null, url: "/blog/404.html" });
  });
});
