import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { headerKeyPosition } from "../../src/content/header-key-position.js";
import { parsePost } from "../../src/content/parse-post.js";
import { positionAt } from "../../src/diagnostics.js";

const config: SiteConfig = { ...defaultSiteConfig, basePath: "/blog/", url: "https://example.com/blog/" };
const parse = (text: string, path = "posts/a.md") => parsePost({ path, text }, config);
const rules = (text: string, path?: string) => parse(text, path).diagnostics.map((d) => [d.rule, d.line, d.column]);
const yaml = (...lines: string[]) => ["---", ...lines, "---", "", "Body."].join("\n");

describe("dates in file and folder names (Jekyll, Eleventy, Zola)", () => {
  it("takes the date from the name when no key gives one, and drops it from the slug", () => {
    for (const path of ["posts/2016-10-06-release.md", "posts/2016-10-06-release/index.md", "posts/2016-10-06_release.md"]) {
      const { post, diagnostics } = parse(yaml("title: Release"), path);
      expect(diagnostics).toEqual([]);
      expect(post?.meta.slug).toBe("release");
      expect(post?.meta.published?.toISOString()).toBe("2016-10-06T00:00:00.000Z");
    }
  });

  it("reads the name's date in the site's timezone, in `!!` posts too", () => {
    const { post } = parsePost({ path: "posts/2016-10-06-release.md", text: "!! title: R\n\nBody." }, { ...config, timezone: "Europe/Paris" });
    expect(post?.meta.slug).toBe("release");
    expect(post?.meta.published?.toISOString()).toBe("2016-10-05T22:00:00.000Z");
  });

  it("lets a date key win, silently, when name and key disagree (as Jekyll does)", () => {
    const { post, diagnostics } = parse(yaml("title: R", "date: 2016-10-07 10:00:00 +02:00"), "posts/2016-10-06-release.md");
    expect(diagnostics).toEqual([]);
    expect(post?.meta.published?.toISOString()).toBe("2016-10-07T08:00:00.000Z");
    expect(post?.meta.slug).toBe("release");
  });

  it("keeps a dated `!!` post's slug as it was when the header gives the date", () => {
    const { post } = parse("!! title: R\n!! published: 2016-10-06\n", "posts/2016-10-06-release.md");
    expect(post?.meta.slug).toBe("2016-10-06-release");
  });

  it("lets a `slug` key win over the name", () => {
    expect(parse(yaml("title: R", "slug: v1"), "posts/2016-10-06-release.md").post?.meta.slug).toBe("v1");
  });

  it("keeps names that only look dated", () => {
    // Not a calendar day: no date, and the name stays the slug.
    expect(rules(yaml("title: R"), "posts/2023-02-30-x.md")).toEqual([["missing-published", 1, 1]]);
    expect(parse(yaml("title: R", "date: 2024-01-01"), "posts/2023-02-30-x.md").post?.meta.slug).toBe("2023-02-30-x");
    expect(parse(yaml("title: R", "date: 2024-01-01"), "posts/2024-01-01.md").post?.meta.slug).toBe("2024-01-01");
  });
});

describe("published and draft flags", () => {
  it("reads Jekyll's `published: false` as a draft, also next to a `date` (no duplicate-key)", () => {
    const { post, diagnostics } = parse(yaml("title: Hidden", "date: 2024-01-01", "published: false"));
    expect(diagnostics).toEqual([]);
    expect(post?.meta.draft).toBe(true);
    expect(post?.meta.published?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(post?.meta.extra).toEqual({});
  });

  it("reads `published: true` next to `date` as published", () => {
    const { post, diagnostics } = parse(yaml("title: T", "published: true", "date: 2024-01-01"));
    expect(diagnostics).toEqual([]);
    expect(post?.meta.draft).toBe(false);
    expect(post?.meta.published?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });

  it("keeps a hidden post hidden whatever `draft` says, and reads Hugo's `draft: true`", () => {
    expect(parse(yaml("title: T", "date: 2024-01-01", "published: false", "draft: false")).post?.meta.draft).toBe(true);
    expect(parse(yaml("title: T", "draft: true")).post?.meta.draft).toBe(true);
    expect(parse("!! title: T\n!! published: false\n").post?.meta.draft).toBe(true);
  });

  it("reads Eleventy's `permalink: false` (a page never written) as a draft", () => {
    expect(parse(yaml("title: T", "date: 2024-01-01", "permalink: false")).post?.meta).toMatchObject({ draft: true, aliases: [] });
  });

  it("asks for a date when `published: true` is all there is, at the key", () => {
    expect(rules(yaml("title: T", "published: true"))).toEqual([["missing-published", 3, 1]]);
  });

  it("reports two date keys at the second key, in the names written", () => {
    const { diagnostics } = parse(yaml("title: T", "published: 2024-01-01", "  # note", "Date: 2024-01-02"));
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["duplicate-key", 5, 1]]);
    expect(diagnostics[0]?.message).toContain("`published` and `Date`");
    expect(rules(yaml("title: T", "date: 2024-01-01", "pubDate: 2024-01-02"))).toEqual([["duplicate-key", 4, 1]]);
  });

  it("names the key written in date errors", () => {
    const { diagnostics } = parse(yaml("title: T", "date: 2024-13-45"));
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["invalid-date", 3, 7]]);
    expect(diagnostics[0]?.message).toContain("`date`");
    expect(diagnostics[0]?.message).not.toContain("published");
    expect(diagnostics[0]?.hint).toContain("date: 2025-03-14");
  });
});

describe("other generators' names for fields", () => {
  it("reads Astro's pubDate, updatedDate and heroImage, Hugo's lastmod", () => {
    const astro = parse(yaml("title: A", "pubDate: 'Jul 08 2022'", "heroImage: /hero.jpg"));
    // Astro's own template writes dates JavaScript reads; daylight asks for ISO 8601.
    expect(astro.diagnostics.map((d) => [d.rule, d.line])).toEqual([["invalid-date", 3]]);
    const { post } = parse(yaml("title: A", "pubDate: 2022-07-08", "updatedDate: 2022-07-09", "heroImage: /hero.jpg"));
    expect(post?.meta).toMatchObject({ image: "/hero.jpg", extra: {} });
    expect(post?.meta.updated?.toISOString()).toBe("2022-07-09T00:00:00.000Z");
    expect(parse(yaml("title: H", "date: 2022-07-08", "lastmod: 2022-07-10")).post?.meta.updated?.toISOString()).toBe("2022-07-10T00:00:00.000Z");
  });

  it("merges categories and category into tags, one per tag page", () => {
    const { post } = parse(yaml("title: T", "date: 2024-01-01", "tags: [Release, dev ops]", "categories: release, News", "category: Dev-Ops"));
    expect(post?.meta.tags).toEqual(["Release", "dev ops", "News"]);
    expect(post?.meta.extra).toEqual({});
    expect(parse(yaml("title: T", "date: 2024-01-01", "categories:", "  - a", "  - b")).post?.meta.tags).toEqual(["a", "b"]);
    // Jekyll's own: a `categories` text is split on spaces; one `category` is one tag.
    expect(parse(yaml("title: T", "date: 2024-01-01", "categories: jekyll update", "category: Web Dev")).post?.meta.tags)
      .toEqual(["jekyll", "update", "Web Dev"]);
  });

  it("reads Zola's [taxonomies] tags and categories as tags and keeps the table for templates", () => {
    const { post } = parse(yaml("title: T", "date: 2024-01-01", "taxonomies:", "  tags: [a]", "  categories: [b]", "  series: [c]"));
    expect(post?.meta.tags).toEqual(["a", "b"]);
    expect(post?.meta.extra).toEqual({ taxonomies: { tags: ["a"], categories: ["b"], series: ["c"] } });
  });

  it("keeps `!!` headers to daylight's own keys", () => {
    const { post } = parse("!! title: T\n!! published: 2024-01-01\n!! categories: a\n");
    expect(post?.meta.tags).toEqual([]);
    expect(post?.meta.extra).toEqual({ categories: "a" });
  });

  it("warns about near misses of other generators' keys", () => {
    expect(parse(yaml("title: T", "date: 2024-01-01", "categores: a")).diagnostics.map((d) => [d.rule, d.line, d.column, d.hint?.slice(0, 26)]))
      .toEqual([["unknown-key", 4, 1, "did you mean `categories`?"]]);
  });
});

describe("old URLs: permalink and url", () => {
  it("makes Jekyll's permalink and Hugo's url aliases, normalised like aliases", () => {
    const jekyll = parse(yaml("title: T", "date: 2024-01-01", "permalink: /2024/01/01/t.html", "aliases: [/old/]"));
    expect(jekyll.post?.meta.aliases).toEqual(["/old/", "/2024/01/01/t.html"]);
    const hugo = parse(yaml("title: T", "date: 2024-01-01", "url: https://example.com/blog/2024/t"));
    expect(hugo.post?.meta.aliases).toEqual(["/2024/t/"]);
  });

  it("needs no redirect when the old URL is the post's URL now", () => {
    expect(parse(yaml("title: T", "date: 2024-01-01", "url: /posts/a/")).post?.meta.aliases).toEqual([]);
  });

  it("warns about a permalink pattern, and refuses what cannot be a page", () => {
    expect(rules(yaml("title: T", "date: 2024-01-01", "permalink: /:categories/:title/"))).toEqual([["permalink-pattern", 4, 12]]);
    expect(rules(yaml("title: T", "date: 2024-01-01", "permalink: \"{{ page.fileSlug }}/\""))).toEqual([["permalink-pattern", 4, 12]]);
    expect(rules(yaml("title: T", "date: 2024-01-01", "url: /feed.xml"))).toEqual([["invalid-field", 4, 6]]);
  });
});

describe("CRLF", () => {
  it("gives the markdown no `\\r`, every line and column kept", () => {
    const text = "---\r\ntitle: T\r\ndate: 2024-01-01\r\n---\r\n\r\nA line\r\n  next\r\n";
    const { post } = parse(text);
    expect(post?.body).not.toContain("\r");
    expect(positionAt(post?.body ?? "", post?.body.indexOf("next") ?? -1)).toEqual({ line: 7, column: 3 });
  });

  it("still finds a header key's position (the body's line breaks are shorter than the file's)", () => {
    const text = "!! title: T\r\n!! published: 2024-01-01\r\n!! tags: a\r\n!! slug: s\r\n\r\nBody\r\n";
    const { post } = parse(text);
    expect(headerKeyPosition(post!, "slug")).toEqual({ line: 4, column: 10 });
  });
});
