import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "../../../src/site/feeds/atom-feed.js";
import { feedparser } from "../../support/system-tools.js";
import {
  absoluteUrlFragments, all, config, feedparse, now, parseXml, posts, renderedPost, tagSpec, textOf, trickyTitle, urlPost,
  type XmlElement,
} from "./feed-fixtures.js";

const children = (el: XmlElement | undefined, name: string) => all(el, name).filter((c) => c !== el);
const links = (el: XmlElement | undefined) =>
  (el === undefined ? [] : Array.from((el as unknown as { childNodes: ArrayLike<XmlElement & { nodeName: string }> }).childNodes))
    .filter((c) => c.nodeName === "link")
    .map((l) => [l.getAttribute("rel"), l.getAttribute("type"), l.getAttribute("href")]);
const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

describe("renderAtomFeed", () => {
  it("describes the feed as RFC 4287 asks: namespace, language, id, title, dates, links, author", () => {
    const feed = parseXml(renderAtomFeed(posts, config, now));
    expect(feed.getAttribute("xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect(feed.getAttribute("xml:lang")).toBe("en-GB");
    expect(textOf(feed, "id")).toBe("https://example.com/blog/");
    expect([textOf(feed, "title"), all(feed, "title")[0]?.getAttribute("type")]).toEqual(["Ops & Notes", "text"]);
    expect(textOf(feed, "subtitle")).toBe("Field notes");
    expect(textOf(feed, "updated")).toBe("2025-04-01T12:00:00Z");
    expect(links(feed)).toEqual([
      ["self", "application/atom+xml", "https://example.com/blog/atom.xml"],
      ["alternate", "text/html", "https://example.com/blog/"],
    ]);
    expect(textOf(all(feed, "author")[0], "name")).toBe("Ops & Notes");
    expect(textOf(feed, "generator")).toBe("daylight");
  });

  it("names the site's author, and leaves out an empty subtitle", () => {
    const feed = parseXml(renderAtomFeed(posts, { ...config, author: "Ada", description: "" }, now));
    expect(textOf(all(feed, "author")[0], "name")).toBe("Ada");
    expect(all(feed, "subtitle")).toHaveLength(0);
  });

  it("lists at most feedItems entries, newest first, with ids, links, dates, authors and categories", () => {
    const entries = all(parseXml(renderAtomFeed([posts[3]!, posts[1]!, posts[0]!, posts[2]!], config, now)), "entry");
    expect(entries.map((e) => textOf(e, "title"))).toEqual(["Fourth", "Third", "Second"]);
    const [d, c] = entries;
    expect(textOf(d, "id")).toBe("https://example.com/blog/posts/d/");
    expect(links(d)).toEqual([["alternate", "text/html", "https://example.com/blog/posts/d/"]]);
    expect(all(d, "title")[0]?.getAttribute("type")).toBe("text");
    expect([textOf(d, "published"), textOf(d, "updated")]).toEqual(["2025-03-14T00:00:00Z", "2025-03-14T00:00:00Z"]);
    expect([textOf(c, "published"), textOf(c, "updated")]).toEqual(["2025-03-10T08:30:00Z", "2025-04-01T12:00:00Z"]);
    expect(textOf(children(d, "author")[0], "name")).toBe("Ann");
    expect(children(c, "author")).toHaveLength(0);
    expect(all(d, "category").map((t) => t.getAttribute("term"))).toEqual(["devops", "culture"]);
    expect([textOf(d, "summary"), all(d, "summary")[0]?.getAttribute("type")]).toEqual(["Summary", "text"]);
    expect([textOf(d, "content"), all(d, "content")[0]?.getAttribute("type")]).toEqual(["<p>Body</p>", "html"]);
    for (const e of entries) expect(textOf(e, "updated")).toMatch(rfc3339);
  });

  it("gives each entry the site's author when the post has none", () => {
    const entry = all(parseXml(renderAtomFeed([posts[1]!], { ...config, author: "Ada" }, now)), "entry")[0];
    expect(textOf(all(entry, "author")[0], "name")).toBe("Ada");
  });

  it("carries the full content as escaped HTML with every URL absolute", () => {
    const xml = renderAtomFeed([urlPost], config, now);
    expect(xml).toContain('<content type="html">&lt;p&gt;&lt;a href="https://example.com/blog/posts/b/"&gt;');
    const content = textOf(all(parseXml(xml), "entry")[0], "content") ?? "";
    for (const fragment of absoluteUrlFragments) expect(content).toContain(fragment);
    expect(content).not.toMatch(/(href|src)="\//);
  });

  it("escapes titles and tags exactly once, HTML's own escaping kept", () => {
    const html = "<code>&lt;b&gt; a &amp;&amp; b</code>";
    const post = renderedPost({ slug: "x", title: trickyTitle, tags: ["a&b"], html });
    const xml = renderAtomFeed([post], { ...config, title: trickyTitle }, now);
    expect(xml).toContain('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Tom &amp;amp; Jerry &amp;lt;3</title>');
    const feed = parseXml(xml);
    expect(all(feed, "title").map((t) => t.textContent)).toEqual([trickyTitle, trickyTitle]);
    expect(all(feed, "category")[0]?.getAttribute("term")).toBe("a&b");
    expect(textOf(feed, "content")).toBe(html);
  });

  it("strips characters XML cannot hold but keeps tabs and newlines", () => {
    const post = renderedPost({ slug: "ctl", title: "a\u0000b\uFFFFc", description: "tab\there\r\nend\u001F" });
    const xml = renderAtomFeed([post], config, now);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const entry = all(parseXml(xml), "entry")[0];
    expect([textOf(entry, "title"), textOf(entry, "summary")]).toEqual(["abc", "tab\there\nend"]);
  });

  it("dates an empty feed and an undated draft with now, and is otherwise reproducible", () => {
    expect(textOf(parseXml(renderAtomFeed([], config, now)), "updated")).toBe("2030-01-01T00:00:00Z");
    const draft = all(parseXml(renderAtomFeed([renderedPost({ slug: "draft", draft: true })], config, now)), "entry")[0];
    expect([all(draft, "published").length, textOf(draft, "updated")]).toEqual([0, "2030-01-01T00:00:00Z"]);
    expect(renderAtomFeed(posts, config, now)).toBe(renderAtomFeed(posts, config, new Date()));
  });

  it("gives a tag's feed the tag page as id and alternate, and its own self link", () => {
    const feed = parseXml(renderAtomFeed([posts[0]!], config, now, tagSpec));
    expect([textOf(feed, "id"), textOf(feed, "title"), textOf(feed, "subtitle")])
      .toEqual(["https://example.com/blog/tags/devops/", "Ops & Notes: devops", "Posts tagged devops"]);
    expect(links(feed)).toEqual([
      ["self", "application/atom+xml", "https://example.com/blog/tags/devops/atom.xml"],
      ["alternate", "text/html", "https://example.com/blog/tags/devops/"],
    ]);
    expect(textOf(all(feed, "entry")[0], "id")).toBe("https://example.com/blog/posts/d/");
  });
});

describe.runIf(feedparser().available)("renderAtomFeed through Debian's feedparser", () => {
  it("parses cleanly as Atom 1.0 with ids, links and dates", () => {
    const parsed = feedparse(renderAtomFeed([...posts, urlPost], config, now));
    expect(parsed.bozo_exception).toBe("");
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe("atom10");
    expect([parsed.feed.id, parsed.feed.title, parsed.feed.updated]).toEqual(["https://example.com/blog/", "Ops & Notes", "2025-04-01T12:00:00Z"]);
    expect(parsed.feed.links).toContainEqual({ rel: "self", href: "https://example.com/blog/atom.xml" });
    expect(parsed.entries.map((e) => [e.id, e.link])).toEqual(
      ["d", "c", "b"].map((s) => [`https://example.com/blog/posts/${s}/`, `https://example.com/blog/posts/${s}/`]),
    );
    expect(parsed.entries.map((e) => [e.published, e.updated])).toEqual([
      ["2025-03-14T00:00:00Z", "2025-03-14T00:00:00Z"],
      ["2025-03-10T08:30:00Z", "2025-04-01T12:00:00Z"],
      ["2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z"],
    ]);
  });

  it("reads titles as written and the full content with absolute URLs", () => {
    const post = { ...urlPost, post: { ...urlPost.post, meta: { ...urlPost.post.meta, title: trickyTitle } } };
    const parsed = feedparse(renderAtomFeed([post], { ...config, title: trickyTitle }, now));
    expect(parsed.bozo).toBe(0);
    expect([parsed.feed.title, parsed.entries[0]?.title]).toEqual([trickyTitle, trickyTitle]);
    expect(parsed.entries[0]?.content?.[0]?.value).toContain('src="https://example.com/blog/posts/urls/img/plot.png"');
  });

  it("finds a tag feed's self link and id", () => {
    const parsed = feedparse(renderAtomFeed([posts[0]!], config, now, tagSpec));
    expect(parsed.bozo).toBe(0);
    expect(parsed.feed.id).toBe("https://example.com/blog/tags/devops/");
    expect(parsed.feed.links).toContainEqual({ rel: "self", href: "https://example.com/blog/tags/devops/atom.xml" });
  });
});
