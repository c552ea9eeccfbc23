import { describe, expect, it } from "vitest";
import { feedUpdated, maxFeedCategories, rfc3339, toFeedItems } from "../../../src/site/feeds/feed-items.js";
import { config, now, posts, renderedPost, urlPost } from "./feed-fixtures.js";

describe("toFeedItems", () => {
  it("lists at most maxFeedCategories of a post's tags, so tag feeds grow linearly with the tags", () => {
    const tags = Array.from({ length: 2_000 }, (_, i) => `tag${i}`);
    const [item] = toFeedItems([renderedPost({ slug: "many", tags })], config);
    expect(item?.tags).toEqual(tags.slice(0, maxFeedCategories));
    expect(toFeedItems([renderedPost({ slug: "few", tags: ["a", "b"] })], config)[0]?.tags).toEqual(["a", "b"]);
  });

  it("takes at most feedItems posts, newest first, undated drafts last", () => {
    const draft = renderedPost({ slug: "draft", draft: true });
    const items = toFeedItems([draft, posts[3]!, posts[1]!, posts[0]!], config);
    expect(items.map((i) => i.title)).toEqual(["Fourth", "Third", "First"]);
    expect(toFeedItems([draft, posts[0]!], config).map((i) => i.title)).toEqual(["Fourth", "draft"]);
    expect(toFeedItems(posts, { ...config, feedItems: 1 })).toHaveLength(1);
  });

  it("says everything a feed needs about a post, with absolute permalinks", () => {
    expect(toFeedItems([posts[0]!], config)[0]).toEqual({
      permalink: "https://example.com/blog/posts/d/",
      title: "Fourth",
      summary: "Summary",
      contentHtml: "<p>Body</p>",
      published: new Date("2025-03-14T00:00:00Z"),
      updated: undefined,
      tags: ["devops", "culture"],
      author: "Ann",
    });
  });

  it("takes the site's author when the post has none, and none when neither has one", () => {
    expect(toFeedItems([posts[1]!], { ...config, author: "Ada" })[0]?.author).toBe("Ada");
    expect(toFeedItems([posts[1]!], config)[0]?.author).toBeUndefined();
  });

  it("appends the Resources list and makes every URL absolute against the permalink", () => {
    const [item] = toFeedItems([urlPost], config);
    expect(item?.contentHtml).toMatch(/^<p><a href="https:\/\/example\.com\/blog\/posts\/b\/">b<\/a>/);
    expect(item?.contentHtml).toMatch(/<section id="resources">\n<h2>Resources<\/h2>\n<ol>\n<li id="resource-1">/);
    expect(item?.contentHtml).toContain('src="https://example.com/blog/posts/urls/img/plot.png"');
  });

  it("never includes a standalone page", () => {
    const page = renderedPost({ slug: "about", kind: "page", published: new Date("2026-01-01T00:00:00Z") });
    expect(toFeedItems([page], config)).toEqual([]);
  });
});

describe("feedUpdated", () => {
  it("is the latest updated or published date of the items, else now", () => {
    expect(feedUpdated(toFeedItems(posts, config), now)).toEqual(new Date("2025-04-01T12:00:00Z"));
    expect(feedUpdated(toFeedItems([posts[3]!], config), now)).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(feedUpdated(toFeedItems([renderedPost({ slug: "draft" })], config), now)).toBe(now);
    expect(feedUpdated([], now)).toBe(now);
  });
});

describe("rfc3339", () => {
  it("writes UTC with Z, milliseconds only when there are some", () => {
    expect(rfc3339(new Date("2025-03-14T09:30:00+01:00"))).toBe("2025-03-14T08:30:00Z");
    expect(rfc3339(new Date("2025-03-14T09:30:00.5Z"))).toBe("2025-03-14T09:30:00.500Z");
  });
});
