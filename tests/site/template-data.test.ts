import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { RenderedPost } from "../../src/model.js";
import type { HeadContext } from "../../src/site/head-metadata.js";
import { paginate } from "../../src/site/paginate.js";
import { postsDataInSteps, type PostDataContext } from "../../src/site/post-data.js";
import { runSteps } from "../../src/timings/run-steps.js";
import { ogLocale, toSiteData } from "../../src/site/site-data.js";
import {
  toArchivePageData,
  toIndexPageData,
  toNotFoundPageData,
  toPostPageData,
  toTagData,
  toTagPageData,
  toTagsPageData,
} from "../../src/site/template-data.js";
import { makeRenderedPost, type RenderedPostInput } from "../support/make-rendered-post.js";

const dataOfPosts = (posts: readonly RenderedPost[], context: PostDataContext) => runSteps(postsDataInSteps(posts, context));

const config: SiteConfig = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/" };
const now = new Date("2025-06-01T00:00:00Z");
const data = (site: SiteConfig = config): PostDataContext => ({ config: site, now });
const head = (site: SiteConfig = config): HeadContext => ({ config: site, site: toSiteData(site) });
const rendered = (slug: string, meta: Partial<RenderedPostInput> = {}): RenderedPost =>
  makeRenderedPost({ title: slug, description: "", ...meta, slug }, config);

/** Paths of every undefined value: strictVariables turns each into a template error. */
function undefinedPaths(value: unknown, at = "$"): string[] {
  if (value === undefined) return [at];
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${at}.${k}`));
}

describe("template data", () => {
  const posts = [rendered("new"), rendered("mid", { author: "Bo" }), rendered("old")];

  it("has every field present, null where absent, on every kind of page", () => {
    const local = { ...config, url: undefined };
    const postsData = dataOfPosts(posts, data(local));
    const page = paginate(postsData, 2, "/")[0]!;
    const tag = toTagData("ops", "ops", 3, head(local));
    const pageOf = dataOfPosts([rendered("about", { kind: "page" })], data(local))[0]!;
    for (const d of [
      toIndexPageData(page, head(local)), toPostPageData(postsData[0]!, head(local)), toPostPageData(pageOf, head(local)),
      toNotFoundPageData(head(local)), toTagsPageData([tag], head(local)), toTagPageData(tag, page, head(local)),
      toArchivePageData([{ year: 2025, posts: postsData }], head(local)),
    ]) {
      expect(undefinedPaths(d)).toEqual([]);
    }
    expect(postsData[0]).toMatchObject({
      permalink: null, published: null, updated: null, author: null, image: null, imageUrl: null, resourcesHeading: null,
      excerptHtml: null, scheduled: false, referencedBy: [],
    });
  });

  it("calls the older neighbour previous and the newer one next; pages have neither", () => {
    const [newest, middle, oldest] = dataOfPosts(posts, data());
    expect([newest?.previous?.url, newest?.next]).toEqual(["/blog/posts/mid/", null]);
    expect([middle?.previous?.title, middle?.next?.title]).toEqual(["old", "new"]);
    expect([oldest?.previous, oldest?.next?.url]).toEqual([null, "/blog/posts/mid/"]);
    const pages = dataOfPosts([rendered("a", { kind: "page" }), rendered("b", { kind: "page" })], data());
    expect(pages.map((p) => [p.kind, p.url, p.previous, p.next])).toEqual([["page", "/blog/a/", null, null], ["page", "/blog/b/", null, null]]);
  });

  it("fills in the site's author, absolute URLs and a default resources heading", () => {
    const site = { ...config, author: "Site" };
    const [withAuthor, withoutAuthor] = dataOfPosts(
      [rendered("a", { author: "Bo" }), rendered("b", { resources: [{ n: 1, author: undefined, title: "T", url: undefined }], resourcesHeading: undefined })],
      data(site),
    );
    expect(withAuthor?.author).toBe("Bo");
    expect(withoutAuthor).toMatchObject({
      author: "Site",
      permalink: "https://example.com/blog/posts/b/",
      resources: [{ n: 1, author: null, title: "T", url: null }],
    });
    expect(toPostPageData(withoutAuthor!, head(site)).page).toMatchObject({ kind: "post", canonical: "https://example.com/blog/posts/b/" });
  });

  it("marks posts published after now as scheduled and hands excerpts through", () => {
    const [later, earlier] = dataOfPosts([
      rendered("later", { published: new Date("2025-06-02T00:00:00Z") }),
      rendered("earlier", { published: now, excerptHtml: "<p>Intro</p>" }),
    ], data());
    expect([later?.scheduled, earlier?.scheduled]).toEqual([true, false]);
    expect(earlier?.excerptHtml).toBe("<p>Intro</p>");
  });

  it("links each tag to its page, by its slug", () => {
    const [post] = dataOfPosts([rendered("t", { tags: ["Dev Ops", "日本語"] })], data());
    expect(post?.tagLinks[0]).toEqual({ name: "Dev Ops", url: "/blog/tags/dev-ops/" });
    expect(post?.tagLinks[1]?.url).toMatch(/^\/blog\/tags\/tag-[0-9a-f]{8}\/$/);
  });

  it("nests h2 and h3 headings into a table of contents", () => {
    const headings = [
      { depth: 1, id: "t", text: "T" }, { depth: 2, id: "a", text: "A" }, { depth: 3, id: "a1", text: "A1" },
      { depth: 4, id: "a1x", text: "deep" }, { depth: 2, id: "b", text: "B" },
    ];
    const [post] = dataOfPosts([rendered("toc", { headings })], data());
    expect(post?.toc).toEqual({
      count: 3,
      items: [{ id: "a", text: "A", children: [{ id: "a1", text: "A1", children: [] }] }, { id: "b", text: "B", children: [] }],
      selfNumbered: false,
    });
  });

  it("resolves the image field against the site", () => {
    const [rootPath, relative, remote] = dataOfPosts([
      rendered("a", { image: "/images/x.png" }), rendered("b", { image: "img/y.png" }), rendered("c", { image: "https://cdn.example/z.png" }),
    ], data());
    expect([rootPath?.imageUrl, relative?.imageUrl, remote?.imageUrl]).toEqual([
      "https://example.com/blog/images/x.png", "https://example.com/blog/img/y.png", "https://cdn.example/z.png",
    ]);
    const [local] = dataOfPosts([rendered("a", { image: "/images/x.png" })], data({ ...config, url: undefined }));
    expect(local?.imageUrl).toBe("/blog/images/x.png");
  });

  it("estimates reading time from the words of the body", () => {
    const long = rendered("long", { html: `<p>${"word ".repeat(1100)}</p>` });
    expect(dataOfPosts([long, rendered("short")], data()).map((p) => p.readingMinutes)).toEqual([5, 1]);
  });

  it("describes the site, its feeds and its pages", () => {
    expect(toSiteData(config)).toMatchObject({
      title: "My blog", description: null, author: null, language: "en", locale: "en",
      url: "https://example.com/blog/", basePath: "/blog/", feedUrl: "/blog/feed.xml", tagsUrl: null, archiveUrl: "/blog/archive/",
      nav: [{ title: "Posts", url: "/blog/" }],
    });
    expect(toSiteData(config).feeds.map((f) => [f.type, f.url])).toEqual([
      ["application/rss+xml", "/blog/feed.xml"], ["application/atom+xml", "/blog/atom.xml"], ["application/feed+json", "/blog/feed.json"],
    ]);
    expect(toSiteData({ ...config, url: undefined })).toMatchObject({ feedUrl: null, feeds: [] });
    const pages = paginate(dataOfPosts(posts, data()), 2, "/blog/");
    expect(toIndexPageData(pages[0]!, head()).page).toMatchObject({ title: null, url: "/blog/", canonical: "https://example.com/blog/" });
    expect(toIndexPageData(pages[1]!, head())).toMatchObject({
      page: { title: "Page 2", url: "/blog/page/2/", jsonLd: null },
      pagination: { pageNumber: 2, totalPages: 2, previousUrl: "/blog/", nextUrl: null },
    });
    expect(toNotFoundPageData(head()).page).toMatchObject({ kind: "404", canonical: null, url: "/blog/404.html" });
  });

  it("turns BCP 47 tags into Open Graph locales", () => {
    expect(["en", "en-us", "pt_BR", "zh-Hant-TW", "DE"].map(ogLocale)).toEqual(["en", "en_US", "pt_BR", "zh", "de"]);
  });
});
