import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { positionAt } from "../../src/diagnostics.js";

const config: SiteConfig = { ...defaultSiteConfig, basePath: "/blog/", url: "https://example.com/blog/" };
const parse = (text: string, path = "posts/a.md", cfg: SiteConfig = config) => parsePost({ path, text }, cfg);
const rules = (text: string, path?: string, cfg?: SiteConfig) =>
  parse(text, path, cfg).diagnostics.map((d) => [d.rule, d.line, d.column]);

describe("parsePost: formats", () => {
  it("parses the SPEC's example post", () => {
    const text = [
      "!! title: Why we stopped deploying on Fridays", "!! slug: stop-friday-deploys", "!! published: 2025-03-14",
      "!! description: A short story about rollbacks.", "!! tags: devops, culture", "", "---", "", "Body.",
    ].join("\n");
    const { post, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(post?.format).toBe("bang");
    expect(post?.url).toBe("/blog/posts/stop-friday-deploys/");
    expect(post?.meta).toMatchObject({
      title: "Why we stopped deploying on Fridays", slug: "stop-friday-deploys",
      description: "A short story about rollbacks.", tags: ["devops", "culture"], draft: false,
    });
    expect(post?.meta.published?.toISOString()).toBe("2025-03-14T00:00:00.000Z");
    expect(positionAt(post?.body ?? "", post?.body.indexOf("Body.") ?? -1)).toEqual({ line: 9, column: 1 });
  });

  it("gives the same PostMeta for the `!!` and YAML versions of a post", () => {
    const bang = [
      "!! title: Same: post", "!! published: 2025-03-14", "!! updated: 2025-03-20T10:00:00+01:00",
      "!! tags: a, b", "!! draft: false", "!! author: Ann", "!! image: /img/x.png", "!! aliases: /old/, /older.html",
      "!! description: Short", "!! series: intro", "", "Body",
    ].join("\n");
    const yaml = [
      "---", "title: 'Same: post'", "date: 2025-03-14", "updated: 2025-03-20T10:00:00+01:00", "tags: [a, b]",
      "draft: false", "author: Ann", "image: /img/x.png", "aliases:", "  - /old/", "  - /older.html",
      "description: Short", "series: intro", "---", "Body",
    ].join("\n");
    const paris = { ...config, timezone: "Europe/Paris" };
    const a = parse(bang, "posts/same.md", paris);
    const b = parse(yaml, "posts/same.md", paris);
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(b.post?.meta).toEqual(a.post?.meta);
    expect(a.post?.meta.published?.toISOString()).toBe("2025-03-13T23:00:00.000Z");
    expect(a.post?.meta.aliases).toEqual(["/old/", "/older.html"]);
    expect(a.post?.meta.extra).toEqual({ series: "intro" });
  });

  it("reinterprets a YAML date in the site's timezone", () => {
    const { post } = parse("---\ntitle: T\npublished: 2025-03-14\n---\n", "posts/a.md", { ...config, timezone: "Europe/Paris" });
    expect(post?.meta.published?.toISOString()).toBe("2025-03-13T23:00:00.000Z");
    expect(post?.format).toBe("yaml");
  });

  it("reads YAML numbers back as written where text is expected", () => {
    const { post } = parse("---\ntitle: 10:30\npublished: 2025-03-14\nauthor: 1.10\n---\n");
    expect(post?.meta.title).toBe("10:30");
    expect(post?.meta.author).toBe("1.10");
  });

  it("rejects a file without a header, and an empty one", () => {
    expect(rules("# Just markdown\n")).toEqual([["missing-header", 1, 1]]);
    // TOML front matter is read: this one only lacks a date.
    expect(rules("+++\ntitle = 'x'\n+++\n")).toEqual([["missing-published", 1, 1]]);
    expect(rules("")).toEqual([["empty-file", 1, 1]]);
    expect(rules("\uFEFF \n\t\r\n")).toEqual([["empty-file", 1, 1]]);
  });

  it("reports broken YAML where it is, and nothing else", () => {
    expect(rules("---\ntitle: [oops\npublished: 2025-03-14\n---\n")).toEqual([["yaml-syntax", 3, 1]]);
  });

  it("reports header syntax errors without claiming the key is missing", () => {
    expect(rules("!! title My post\n!! published: 2025-03-14\n")).toEqual([["header-syntax", 1, 9]]);
  });
});

describe("parsePost: fields", () => {
  it("requires a title", () => {
    expect(rules("!! published: 2025-03-14\n")).toEqual([["missing-title", 1, 1]]);
    expect(rules("!! title:\n!! published: 2025-03-14\n")).toEqual([["missing-title", 1, 4]]);
  });

  it("requires a valid published date unless draft", () => {
    expect(rules("!! title: T\n")).toEqual([["missing-published", 1, 1]]);
    expect(rules("!! title: T\n!! published: 2024-13-45\n")).toEqual([["invalid-date", 2, 15]]);
    expect(rules("!! title: T\n!! published: 2023-02-29\n")).toEqual([["invalid-date", 2, 15]]);
    expect(rules("---\ntitle: T\ndate: 2024-13-45\n---\n")).toEqual([["invalid-date", 3, 7]]);
    expect(rules("!! title: T\n!! published: 2025-01-01\n!! updated: soon\n")).toEqual([["invalid-date", 3, 13]]);
    const draft = parse("!! title: T\n!! draft: yes\n");
    expect(draft.diagnostics).toEqual([]);
    expect(draft.post?.meta).toMatchObject({ draft: true, published: undefined });
  });

  it("hints at the accepted date forms", () => {
    expect(parse("!! title: T\n!! published: 14/03/2025\n").diagnostics[0]?.hint).toContain("YYYY-MM-DD");
  });

  it("reads a date-time with offset as that instant", () => {
    const { post } = parse("!! title: T\n!! published: 2025-03-14T09:30:00+01:00\n");
    expect(post?.meta.published?.toISOString()).toBe("2025-03-14T08:30:00.000Z");
  });

  it("derives the slug from the file name", () => {
    expect(parse("!! title: T\n!! published: 2025-03-14\n", "posts/2024/über-café.md").post?.meta.slug).toBe("uber-cafe");
    expect(rules("!! title: T\n!! published: 2025-03-14\n", "posts/日本語.md")).toEqual([["missing-slug", 1, 1]]);
    expect(parse("!! title: T\n!! slug: nihongo\n!! published: 2025-03-14\n", "posts/日本語.md").post?.url)
      .toBe("/blog/posts/nihongo/");
  });

  it("rejects invalid slugs with a suggestion", () => {
    const cases: [string, string][] = [["..", "a"], ["a/b", "a-b"], ["Has Caps", "has-caps"], ["a b", "a-b"]];
    for (const [slug, suggestion] of cases) {
      const { post, diagnostics } = parse(`!! title: T\n!! slug: ${slug}\n!! published: 2025-03-14\n`);
      expect(post).toBeUndefined();
      expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["invalid-slug", 2, 10]]);
      expect(diagnostics[0]?.hint).toContain(`slug: ${suggestion}`);
    }
  });

  it("normalises tags: trimmed, empties and duplicates dropped, order kept", () => {
    const { post } = parse("!! title: T\n!! published: 2025-03-14\n!! tags:  b , a,, b, A ,c\n");
    expect(post?.meta.tags).toEqual(["b", "a", "c"]);
  });

  it("checks draft values", () => {
    expect(rules("!! title: T\n!! published: 2025-03-14\n!! draft: maybe\n")).toEqual([["invalid-field", 3, 11]]);
    expect(parse("!! title: T\n!! published: 2025-03-14\n!! draft: No\n").post?.meta.draft).toBe(false);
  });

  it("rejects aliases that cannot be pages of the site", () => {
    expect(rules("!! title: T\n!! published: 2025-03-14\n!! aliases: /ok/, ../../x\n")).toEqual([["invalid-field", 3, 13]]);
  });

  it("refuses front matter in another language than YAML, and never runs it", () => {
    const g = globalThis as { daylightRan?: boolean };
    for (const lang of ["js", "javascript", "coffee", "toml", "json"]) {
      const text = `---${lang}\n{ title: (globalThis.daylightRan = true, "T"), date: "2025-03-14" }\n---\n\nBody.\n`;
      expect(rules(text), lang).toEqual([["unsupported-front-matter", 1, 4]]);
    }
    expect(rules("---  js \n{}\n---\n")).toEqual([["unsupported-front-matter", 1, 6]]);
    expect(g.daylightRan).toBeUndefined();
  });

  it("rejects aliases where daylight writes a file of its own", () => {
    for (const alias of ["/daylight-manifest.json", "/_headers", "/_redirects", "/feed.xml", "/sitemap.xml", "/404.html", "/robots.txt", "/atom.xml/x/"]) {
      expect(rules(`!! title: T\n!! published: 2025-03-14\n!! aliases: /ok/, ${alias}\n`), alias).toEqual([["invalid-field", 3, 13]]);
    }
    expect(rules("---\ntitle: T\ndate: 2025-03-14\naliases:\n  - /_redirects\n---\n")).toEqual([["invalid-field", 4, 1]]);
  });

  it("keeps unknown keys and warns about near misses", () => {
    const { post, diagnostics } = parse("!! title: T\n!! published: 2025-03-14\n!! Series: intro\n!! publised: 2025-01-01\n");
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([["unknown-key", "warning", 4]]);
    expect(diagnostics[0]?.hint).toContain("published");
    expect(post?.meta.extra).toEqual({ series: "intro", publised: "2025-01-01" });
  });

  it("warns about near misses in YAML at the key, and hints at renaming `date` in `!!`", () => {
    const yaml = parse("---\ntitle: T\npublished: 2025-03-14\ntitel: Other\n---\n");
    expect(yaml.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["unknown-key", 4, 1]]);
    expect(yaml.post?.meta.extra).toEqual({ titel: "Other" });
    const bang = parse("!! title: T\n!! date: 2025-03-14\n");
    expect(bang.diagnostics.map((d) => d.rule)).toEqual(["missing-published"]);
    expect(bang.diagnostics[0]?.hint).toContain("rename `date` to `published`");
  });

  it("keeps a `__proto__` key as a plain field", () => {
    const { post } = parse("!! title: T\n!! published: 2025-03-14\n!! __proto__: x\n");
    expect(Object.getPrototypeOf(post?.meta.extra)).toBe(Object.prototype);
    expect(Object.keys(post?.meta.extra ?? {})).toEqual(["__proto__"]);
  });

  it("rejects YAML values of the wrong shape", () => {
    expect(rules("---\ntitle: [a, b]\npublished: 2025-03-14\n---\n")).toEqual([["invalid-field", 2, 8]]);
    expect(rules("---\ntitle: T\npublished: 2025-03-14\ntags: [{a: 1}]\n---\n")).toEqual([["invalid-field", 4, 7]]);
  });
});

describe("parsePost: robustness", () => {
  it("parses a 2 MB post fast", () => {
    const text = "!! title: Big\n!! published: 2025-03-14\n\n---\n\n" + "Lorem ipsum dolor sit amet.\n".repeat(75_000);
    const started = performance.now();
    const { post } = parse(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(post?.body.length).toBe(text.length);
  });

  it("never throws, whatever the text", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ["!!", "---", "\n", "\r\n", ":", " ", "title", "slug", "é", "日本", "\uFEFF", "[", "{", "#", "\u0000", "\uD800", "2025-03-14"];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      expect(() => parse(text)).not.toThrow();
    }
    expect(() => parse("!! title: " + "é".repeat(1_000_000))).not.toThrow();
    expect(() => parse("---\n" + "a: b\n".repeat(10) + "x".repeat(1_000_000))).not.toThrow();
  });
});

describe("parsePost: pages", () => {
  it("needs no published date, lives at /<slug>/ and still checks the other fields", () => {
    const { post, diagnostics } = parsePost({ path: "pages/about.md", text: "!! title: About me\n\nHi.\n" }, config, "page");
    expect(diagnostics).toEqual([]);
    expect(post).toMatchObject({ kind: "page", url: "/blog/about/", meta: { slug: "about", published: undefined } });
    const yaml = parsePost({ path: "pages/now.md", text: "---\ntitle: Now\nupdated: someday\n---\n" }, config, "page");
    expect(yaml.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["invalid-date", 3, 10]]);
    const untitled = parsePost({ path: "pages/x.md", text: "!! slug: x\n" }, config, "page");
    expect(untitled.diagnostics.map((d) => d.rule)).toEqual(["missing-title"]);
  });
});
