import { create } from "xmlbuilder2";
import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { PostMeta, RenderedPost, Resource } from "../../src/model.js";
import { renderRssFeed, rfc822 } from "../../src/site/rss-feed.js";

const config: SiteConfig = {
  ...defaultSiteConfig,
  title: "Ops & Notes",
  description: "Field notes",
  language: "en-GB",
  url: "https://example.com/blog/",
  basePath: "/blog/",
  feedItems: 3,
};
const now = new Date("2030-01-01T00:00:00Z");

interface PostInput extends Partial<PostMeta> {
  slug: string;
  html?: string;
  description?: string;
  resources?: Resource[];
}

function renderedPost({ slug, html = "<p>Body</p>", description = "Summary", resources = [], ...meta }: PostInput): RenderedPost {
  return {
    post: {
      source: { path: `posts/${slug}.md`, text: "" },
      kind: "post",
      format: "bang",
      body: "",
      url: `/blog/posts/${slug}/`,
      meta: {
        title: slug, slug, published: undefined, updated: undefined, description: undefined, tags: [], draft: false,
        author: undefined, image: undefined, aliases: [], extra: {}, ...meta,
      },
    },
    html, description, resources, resourcesHeading: resources.length > 0 ? "Resources" : undefined,
    excerptHtml: undefined,
    headings: [], postLinks: [], assets: [], diagnostics: [],
  };
}

/** The parts of xmlbuilder2's DOM the assertions read. */
interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

function parse(xml: string): XmlElement {
  return (create(xml).node as unknown as { documentElement: XmlElement }).documentElement;
}

const all = (el: XmlElement, name: string): XmlElement[] => Array.from(el.getElementsByTagName(name));
const textOf = (el: XmlElement | undefined, name: string): string | null | undefined => el && all(el, name)[0]?.textContent;

describe("renderRssFeed", () => {
  const posts = [
    renderedPost({ slug: "d", title: "Fourth", published: new Date("2025-03-14T00:00:00Z"), tags: ["devops", "culture"], author: "Ann" }),
    renderedPost({ slug: "c", title: "Third", published: new Date("2025-03-10T08:30:00Z"), updated: new Date("2025-04-01T12:00:00Z") }),
    renderedPost({ slug: "b", title: "Second", published: new Date("2025-02-01T00:00:00Z") }),
    renderedPost({ slug: "a", title: "First", published: new Date("2025-01-01T00:00:00Z") }),
  ];

  it("describes the channel, with a self link and a reproducible build date", () => {
    const rss = parse(renderRssFeed(posts, config, now));
    expect(rss.getAttribute("version")).toBe("2.0");
    expect(rss.getAttribute("xmlns:content")).toBe("http://purl.org/rss/1.0/modules/content/");
    expect(rss.getAttribute("xmlns:dc")).toBe("http://purl.org/dc/elements/1.1/");
    const channel = all(rss, "channel")[0];
    expect([textOf(channel, "title"), textOf(channel, "link"), textOf(channel, "description"), textOf(channel, "language")])
      .toEqual(["Ops & Notes", "https://example.com/blog/", "Field notes", "en-GB"]);
    expect(textOf(channel, "lastBuildDate")).toBe("Tue, 01 Apr 2025 12:00:00 +0000");
    expect(textOf(channel, "generator")).toBe("daylight");
    const self = all(rss, "atom:link")[0];
    expect([self?.getAttribute("href"), self?.getAttribute("rel"), self?.getAttribute("type")])
      .toEqual(["https://example.com/blog/feed.xml", "self", "application/rss+xml"]);
  });

  it("lists at most feedItems posts, newest first, with permalinks and RFC 822 dates", () => {
    const shuffled = [posts[2]!, posts[0]!, posts[3]!, posts[1]!];
    const items = all(parse(renderRssFeed(shuffled, config, now)), "item");
    expect(items.map((i) => textOf(i, "title"))).toEqual(["Fourth", "Third", "Second"]);
    const first = items[0]!;
    expect(textOf(first, "link")).toBe("https://example.com/blog/posts/d/");
    const guid = all(first, "guid")[0];
    expect([guid?.textContent, guid?.getAttribute("isPermaLink")]).toEqual(["https://example.com/blog/posts/d/", "true"]);
    expect(textOf(first, "pubDate")).toBe("Fri, 14 Mar 2025 00:00:00 +0000");
    expect(textOf(items[1], "pubDate")).toBe("Mon, 10 Mar 2025 08:30:00 +0000");
    expect(textOf(first, "description")).toBe("Summary");
    expect(all(first, "category").map((c) => c.textContent)).toEqual(["devops", "culture"]);
    expect(textOf(first, "dc:creator")).toBe("Ann");
    expect(all(items[1]!, "dc:creator")).toHaveLength(0);
  });

  it("names the site's author when the post has none", () => {
    const xml = renderRssFeed([posts[3]!], { ...config, author: "Site Owner" }, now);
    expect(textOf(all(parse(xml), "item")[0], "dc:creator")).toBe("Site Owner");
  });

  it("makes every URL in the full content absolute, the Resources list included", () => {
    const post = renderedPost({
      slug: "urls",
      published: new Date("2025-01-01T00:00:00Z"),
      html: '<p><a href="/blog/posts/b/">b</a> <a href="#setup">s</a> <img src="img/plot.png" srcset="/blog/a.png 1x, b.png 2x" alt=""></p>',
      resources: [{ n: 1, author: "Humble & Farley", title: "Continuous Delivery", url: "/blog/cd/" }],
    });
    const content = textOf(all(parse(renderRssFeed([post], config, now)), "item")[0], "content:encoded") ?? "";
    expect(content).toContain('<a href="https://example.com/blog/posts/b/">b</a>');
    expect(content).toContain('<a href="https://example.com/blog/posts/urls/#setup">s</a>');
    expect(content).toContain('src="https://example.com/blog/posts/urls/img/plot.png"');
    expect(content).toContain('srcset="https://example.com/blog/a.png 1x, https://example.com/blog/posts/urls/b.png 2x"');
    expect(content).toContain('<li id="resource-1">Humble &amp; Farley – <a href="https://example.com/blog/cd/">Continuous Delivery</a></li>');
    expect(content).not.toMatch(/(href|src)="\//);
  });

  it("keeps the HTML's own escaping intact inside content:encoded", () => {
    const html = "<pre><code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; a &amp;&amp; b</code></pre>";
    const xml = renderRssFeed([renderedPost({ slug: "code", html })], config, now);
    expect(textOf(all(parse(xml), "item")[0], "content:encoded")).toBe(html);
    expect(xml).not.toContain("<script>");
  });

  it("escapes markup in titles exactly once", () => {
    const xml = renderRssFeed([renderedPost({ slug: "x", title: "<script>alert(1)</script> & Tom &amp; Jerry" })], config, now);
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Tom &amp;amp; Jerry</title>");
    expect(textOf(all(parse(xml), "item")[0], "title")).toBe("<script>alert(1)</script> & Tom &amp; Jerry");
  });

  it("strips characters XML cannot hold but keeps tabs and newlines", () => {
    const post = renderedPost({ slug: "ctl", title: "a\u0000b\u0007c\u001Fd\uFFFEe\uD800f", description: "tab\there\nline\r\nend\u000B" });
    const xml = renderRssFeed([post], config, now);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const item = all(parse(xml), "item")[0];
    expect(textOf(item, "title")).toBe("abcdef");
    expect(textOf(item, "description")).toBe("tab\there\nline\nend");
  });

  it("falls back to now for an empty feed, and never dates a draft without a date", () => {
    const empty = parse(renderRssFeed([], config, now));
    expect(textOf(empty, "lastBuildDate")).toBe("Tue, 01 Jan 2030 00:00:00 +0000");
    expect(all(empty, "item")).toHaveLength(0);
    const draft = parse(renderRssFeed([renderedPost({ slug: "draft", draft: true })], config, now));
    expect(all(draft, "pubDate")).toHaveLength(0);
  });

  it("gives the same bytes for the same posts", () => {
    expect(renderRssFeed(posts, config, now)).toBe(renderRssFeed(posts, config, new Date()));
  });

  it("writes RFC 822 dates in English whatever the offset", () => {
    expect(rfc822(new Date("2024-12-31T23:59:59+02:00"))).toBe("Tue, 31 Dec 2024 21:59:59 +0000");
  });
});
