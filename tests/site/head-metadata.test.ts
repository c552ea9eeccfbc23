import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { listingPageData, postPageData, type HeadContext } from "../../src/site/head-metadata.js";
import { toPostData } from "../../src/site/post-data.js";
import { toSiteData } from "../../src/site/site-data.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const config: SiteConfig = { ...defaultSiteConfig, title: "Blog", description: "Site text", url: "https://example.com/b/", basePath: "/b/" };
const context = (site = config): HeadContext => ({ config: site, site: toSiteData(site) });
const now = new Date("2026-01-01T00:00:00Z");
const postData = (input: Parameters<typeof makeRenderedPost>[0], site = config) =>
  toPostData(makeRenderedPost(input, site), { config: site, now });

describe("head metadata", () => {
  it("describes a post as an article with times, tags, image and BlogPosting", () => {
    const post = postData({
      slug: "a", title: "A", published: new Date("2025-01-01T00:00:00Z"), updated: new Date("2025-02-01T00:00:00Z"),
      tags: ["x", "y"], image: "/img/a.png",
    });
    const page = postPageData(post, context());
    expect(page).toMatchObject({
      kind: "post", title: "A", description: "About a", canonical: "https://example.com/b/posts/a/",
      image: "https://example.com/b/img/a.png",
      article: { published: new Date("2025-01-01T00:00:00Z"), modified: new Date("2025-02-01T00:00:00Z"), tags: ["x", "y"] },
    });
    expect(JSON.parse(page.jsonLd ?? "null")).toMatchObject({ "@type": "BlogPosting", dateModified: "2025-02-01T00:00:00.000Z" });
    expect(page.feeds.map((f) => f.url)).toEqual(["/b/feed.xml", "/b/atom.xml", "/b/feed.json"]);
  });

  it("treats a standalone page as a website, without article facts or JSON-LD", () => {
    const page = postPageData(postData({ slug: "about", kind: "page", title: "About", description: "" }), context());
    expect(page).toMatchObject({ kind: "page", url: "/b/about/", canonical: "https://example.com/b/about/", article: null, jsonLd: null, description: "Site text" });
  });

  it("gives the home page Blog JSON-LD, later index pages none, and the 404 page no canonical URL", () => {
    expect(JSON.parse(listingPageData("index", null, "Site text", "/b/", context()).jsonLd ?? "null")).toMatchObject({ "@type": "Blog", name: "Blog" });
    expect(listingPageData("index", "Page 2", "Site text", "/b/page/2/", context()).jsonLd).toBeNull();
    expect(listingPageData("404", "Page not found", null, "/b/404.html", context())).toMatchObject({ canonical: null, description: "Site text" });
  });

  it("puts a tag page's own feeds before the site's", () => {
    const tagFeed = { format: "rss" as const, type: "application/rss+xml", title: "Blog: x (RSS)", url: "/b/tags/x/feed.xml" };
    const page = listingPageData("tag", "Tagged x", "Posts tagged x", "/b/tags/x/", context(), [tagFeed]);
    expect(page.feeds.map((f) => f.url)).toEqual(["/b/tags/x/feed.xml", "/b/feed.xml", "/b/atom.xml", "/b/feed.json"]);
  });

  it("has no canonical, image, feeds or JSON-LD without a site URL", () => {
    const local = { ...config, url: undefined };
    const page = postPageData(postData({ slug: "a", published: now, image: "/img/a.png" }, local), context(local));
    expect(page).toMatchObject({ canonical: null, image: null, jsonLd: null, feeds: [] });
  });
});
