import { describe, expect, it } from "vitest";
import { renderRssFeed, rfc822 } from "../../../src/site/feeds/rss-feed.js";
import { feedparser } from "../../support/system-tools.js";
import {
  absoluteUrlFragments, all, config, feedparse, now, parseXml, posts, renderedPost, tagSpec, textOf, trickyTitle, urlPost,
} from "./feed-fixtures.js";

describe("renderRssFeed", () => {
  it("describes the channel, with a self link and a reproducible build date", () => {
    const rss = parseXml(renderRssFeed(posts, config, now));
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
    const items = all(parseXml(renderRssFeed(shuffled, config, now)), "item");
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
    expect(textOf(all(parseXml(xml), "item")[0], "dc:creator")).toBe("Site Owner");
  });

  it("never lists a standalone page", () => {
    const page = renderedPost({ slug: "about", kind: "page", title: "About", published: new Date("2026-01-01T00:00:00Z") });
    const items = all(parseXml(renderRssFeed([page, posts[0]!], config, now)), "item");
    expect(items.map((i) => textOf(i, "title"))).toEqual(["Fourth"]);
  });

  it("makes every URL in the full content absolute, the Resources list included", () => {
    const content = textOf(all(parseXml(renderRssFeed([urlPost], config, now)), "item")[0], "content:encoded") ?? "";
    for (const fragment of absoluteUrlFragments) expect(content).toContain(fragment);
    expect(content).not.toMatch(/(href|src)="\//);
  });

  it("keeps the HTML's own escaping intact inside content:encoded", () => {
    const html = "<pre><code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; a &amp;&amp; b</code></pre>";
    const xml = renderRssFeed([renderedPost({ slug: "code", html })], config, now);
    expect(textOf(all(parseXml(xml), "item")[0], "content:encoded")).toBe(html);
    expect(xml).not.toContain("<script>");
  });

  it("escapes markup in titles exactly once", () => {
    const xml = renderRssFeed([renderedPost({ slug: "x", title: trickyTitle })], { ...config, title: trickyTitle }, now);
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Tom &amp;amp; Jerry &amp;lt;3</title>");
    const rss = parseXml(xml);
    expect(textOf(all(rss, "channel")[0], "title")).toBe(trickyTitle);
    expect(textOf(all(rss, "item")[0], "title")).toBe(trickyTitle);
  });

  it("strips characters XML cannot hold but keeps tabs and newlines", () => {
    const post = renderedPost({ slug: "ctl", title: "a\u0000b\u0007c\u001Fd\uFFFEe\uD800f", description: "tab\there\nline\r\nend\u000B" });
    const xml = renderRssFeed([post], config, now);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const item = all(parseXml(xml), "item")[0];
    expect(textOf(item, "title")).toBe("abcdef");
    expect(textOf(item, "description")).toBe("tab\there\nline\nend");
  });

  it("falls back to now for an empty feed, and never dates a draft without a date", () => {
    const empty = parseXml(renderRssFeed([], config, now));
    expect(textOf(empty, "lastBuildDate")).toBe("Tue, 01 Jan 2030 00:00:00 +0000");
    expect(all(empty, "item")).toHaveLength(0);
    const draft = parseXml(renderRssFeed([renderedPost({ slug: "draft", draft: true })], config, now));
    expect(all(draft, "pubDate")).toHaveLength(0);
  });

  it("gives the same bytes for the same posts", () => {
    expect(renderRssFeed(posts, config, now)).toBe(renderRssFeed(posts, config, new Date()));
  });

  it("describes a tag's feed with the tag page as its link and its own self link", () => {
    const channel = all(parseXml(renderRssFeed([posts[0]!], config, now, tagSpec)), "channel")[0];
    expect([textOf(channel, "title"), textOf(channel, "link"), textOf(channel, "description")])
      .toEqual(["Ops & Notes: devops", "https://example.com/blog/tags/devops/", "Posts tagged devops"]);
    expect(all(channel, "atom:link")[0]?.getAttribute("href")).toBe("https://example.com/blog/tags/devops/feed.xml");
    expect(textOf(all(channel, "item")[0], "guid")).toBe("https://example.com/blog/posts/d/");
  });

  it("refuses to run without a site URL or with a malformed feed folder", () => {
    expect(() => renderRssFeed(posts, { ...config, url: undefined }, now)).toThrow(/config\.url/);
    expect(() => renderRssFeed(posts, config, now, { ...tagSpec, folder: "tags/devops" })).toThrow(/folder/);
  });

  it("writes RFC 822 dates in English whatever the offset", () => {
    expect(rfc822(new Date("2024-12-31T23:59:59+02:00"))).toBe("Tue, 31 Dec 2024 21:59:59 +0000");
  });
});

describe.runIf(feedparser().available)("renderRssFeed through Debian's feedparser", () => {
  it("parses cleanly as RSS 2.0 with links, guids and dates", () => {
    const parsed = feedparse(renderRssFeed([...posts, urlPost], config, now));
    expect(parsed.bozo_exception).toBe("");
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe("rss20");
    expect(parsed.feed.title).toBe("Ops & Notes");
    expect(parsed.feed.link).toBe("https://example.com/blog/");
    expect(parsed.entries.map((e) => [e.link, e.id])).toEqual(
      ["d", "c", "b"].map((s) => [`https://example.com/blog/posts/${s}/`, `https://example.com/blog/posts/${s}/`]),
    );
    expect(parsed.entries.map((e) => e.published)).toEqual([
      "Fri, 14 Mar 2025 00:00:00 +0000", "Mon, 10 Mar 2025 08:30:00 +0000", "Sat, 01 Feb 2025 00:00:00 +0000",
    ]);
  });

  it("reads titles as written and the full content with absolute URLs", () => {
    const post = { ...urlPost, post: { ...urlPost.post, meta: { ...urlPost.post.meta, title: trickyTitle } } };
    const [entry] = feedparse(renderRssFeed([post], config, now)).entries;
    expect(entry?.title).toBe(trickyTitle);
    expect(entry?.content?.[0]?.value).toContain('href="https://example.com/blog/posts/b/"');
  });

  it("finds a tag feed's self link", () => {
    const parsed = feedparse(renderRssFeed([posts[0]!], config, now, tagSpec));
    expect(parsed.bozo).toBe(0);
    expect(parsed.feed.links).toContainEqual({ rel: "self", href: "https://example.com/blog/tags/devops/feed.xml" });
  });
});
