import { describe, expect, it } from "vitest";
import { renderJsonFeed } from "../../../src/site/feeds/json-feed.js";
import { absoluteUrlFragments, config, now, posts, renderedPost, tagSpec, trickyTitle, urlPost } from "./feed-fixtures.js";

type Json = Record<string, unknown>;
const parse = (text: string): Json => JSON.parse(text) as Json;
const itemsOf = (feed: Json): Json[] => feed.items as Json[];
const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const topLevelKeys = ["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon",
  "favicon", "authors", "language", "expired", "hubs", "items"];
const itemKeys = ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image",
  "date_published", "date_modified", "authors", "tags", "language", "attachments"];

/** Every value anywhere in the document, to look for nulls. */
const values = (value: unknown): unknown[] =>
  value !== null && typeof value === "object" ? Object.values(value).flatMap(values) : [value];

/** The rules of https://jsonfeed.org/version/1.1 that apply to what daylight writes. */
function expectValidJsonFeed(feed: Json): void {
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(Array.isArray(feed.items)).toBe(true);
  for (const key of Object.keys(feed)) expect(topLevelKeys).toContain(key);
  for (const key of ["home_page_url", "feed_url", "description", "language"]) {
    if (key in feed) expect(typeof feed[key]).toBe("string");
  }
  expect(values(feed)).not.toContain(null);
  const ids = itemsOf(feed).map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const item of itemsOf(feed)) {
    for (const key of Object.keys(item)) expect(itemKeys).toContain(key);
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
    for (const key of ["date_published", "date_modified"]) if (key in item) expect(item[key]).toMatch(rfc3339);
    if ("tags" in item) expect((item.tags as unknown[]).every((t) => typeof t === "string")).toBe(true);
  }
  for (const authors of [feed.authors, ...itemsOf(feed).map((i) => i.authors)]) {
    if (authors !== undefined) expect((authors as Json[]).every((a) => typeof a.name === "string" && a.name !== "")).toBe(true);
  }
}

describe("renderJsonFeed", () => {
  it("is a valid JSON Feed 1.1 with the site's fields", () => {
    const feed = parse(renderJsonFeed(posts, { ...config, author: "Ada" }, now));
    expectValidJsonFeed(feed);
    expect(Object.keys(feed)).toEqual(["version", "title", "home_page_url", "feed_url", "description", "language", "authors", "items"]);
    expect(feed).toMatchObject({
      title: "Ops & Notes",
      home_page_url: "https://example.com/blog/",
      feed_url: "https://example.com/blog/feed.json",
      description: "Field notes",
      language: "en-GB",
      authors: [{ name: "Ada" }],
    });
  });

  it("lists at most feedItems items, newest first, each with its permalink as id", () => {
    const items = itemsOf(parse(renderJsonFeed([posts[3]!, posts[2]!, posts[1]!, posts[0]!], config, now)));
    expect(items.map((i) => i.title)).toEqual(["Fourth", "Third", "Second"]);
    expect(items[0]).toEqual({
      id: "https://example.com/blog/posts/d/",
      url: "https://example.com/blog/posts/d/",
      title: "Fourth",
      content_html: "<p>Body</p>",
      summary: "Summary",
      date_published: "2025-03-14T00:00:00Z",
      tags: ["devops", "culture"],
      authors: [{ name: "Ann" }],
    });
    expect(items[1]).toMatchObject({ date_published: "2025-03-10T08:30:00Z", date_modified: "2025-04-01T12:00:00Z" });
  });

  it("omits absent fields instead of writing null", () => {
    const draft = renderedPost({ slug: "draft", draft: true, description: "" });
    const feed = parse(renderJsonFeed([draft], { ...config, description: "", author: "" }, now));
    expectValidJsonFeed(feed);
    expect(Object.keys(feed)).not.toContain("authors");
    expect(Object.keys(feed)).not.toContain("description");
    expect(Object.keys(itemsOf(feed)[0]!)).toEqual(["id", "url", "title", "content_html"]);
  });

  it("gives every item the site's author when the post has none", () => {
    const [item] = itemsOf(parse(renderJsonFeed([posts[1]!], { ...config, author: "Ada" }, now)));
    expect(item?.authors).toEqual([{ name: "Ada" }]);
  });

  it("makes every URL in content_html absolute, the Resources list included", () => {
    const content = String(itemsOf(parse(renderJsonFeed([urlPost], config, now)))[0]?.content_html);
    for (const fragment of absoluteUrlFragments) expect(content).toContain(fragment);
    expect(content).not.toMatch(/(href|src)="\//);
  });

  it("keeps titles exactly as written: JSON escapes them once, HTML is never added", () => {
    const text = renderJsonFeed([renderedPost({ slug: "x", title: trickyTitle })], { ...config, title: trickyTitle }, now);
    const feed = parse(text);
    expect([feed.title, itemsOf(feed)[0]?.title]).toEqual([trickyTitle, trickyTitle]);
    expect(text).toContain('"title": "<script>alert(1)</script> & Tom &amp; Jerry &lt;3"');
  });

  it("strips the characters the XML feeds cannot hold, keeping tabs and newlines", () => {
    const post = renderedPost({ slug: "ctl", title: "a\u0000b\uFFFEc", description: "tab\there\r\nend\u0007" });
    const [item] = itemsOf(parse(renderJsonFeed([post], config, now)));
    expect([item?.title, item?.summary]).toEqual(["abc", "tab\there\nend"]);
  });

  it("serialises deterministically: fixed key order, two-space indent, final newline", () => {
    const text = renderJsonFeed(posts, config, now);
    expect(text).toBe(renderJsonFeed(posts, config, new Date()));
    expect(text.startsWith('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "Ops & Notes",\n')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it("describes a tag's feed with the tag page and its own feed URL", () => {
    const feed = parse(renderJsonFeed([posts[0]!], config, now, tagSpec));
    expectValidJsonFeed(feed);
    expect(feed).toMatchObject({
      title: "Ops & Notes: devops",
      home_page_url: "https://example.com/blog/tags/devops/",
      feed_url: "https://example.com/blog/tags/devops/feed.json",
      description: "Posts tagged devops",
    });
    expect(itemsOf(feed)[0]?.id).toBe("https://example.com/blog/posts/d/");
  });
});
