import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleFixture, type AssembledFixture } from "../support/assemble-fixture.js";

const root = path.resolve(import.meta.dirname, "../fixtures/step3/blog");
let site: AssembledFixture;
beforeAll(async () => {
  site = await assembleFixture(root);
});

const paths = () => site.files.map((f) => f.path);
const htmlFiles = () => paths().filter((p) => p.endsWith(".html"));
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const metaContent = (html: string, property: string) =>
  [...html.matchAll(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`, "g"))].map((m) => m[1]);
const jsonLdOf = (html: string): unknown => {
  const m = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(html);
  return m?.[1] === undefined ? undefined : JSON.parse(m[1]);
};

describe("the step 3 fixture blog, assembled", () => {
  it("reports only the two tag collisions, at the later spellings' tags lines", () => {
    expect(site.diagnostics.map((d) => [d.rule, d.severity, d.file, d.line, d.column])).toEqual([
      ["tag-collision", "warning", "posts/2024/japanese-notes.md", 3, 10],
      ["tag-collision", "warning", "posts/2025/long-guide.md", 4, 10],
    ]);
  });

  it("writes tag, archive, page, feed, sitemap and robots files, and leaves out drafts and future posts", () => {
    expect(paths()).toEqual(expect.arrayContaining([
      "index.html", "page/4/index.html", "about/index.html", "now/index.html", "archive/index.html",
      "tags/index.html", "tags/devops/index.html", "tags/devops/page/2/index.html",
      "tags/devops/feed.xml", "tags/devops/atom.xml", "tags/devops/feed.json",
      "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html",
    ]));
    expect(paths()).not.toContain("page/5/index.html");
    expect(paths().filter((p) => /scheduled|draft/.test(p))).toEqual([]);
  });

  it("lists every tag with its count, merged spellings under the oldest one, the non-ASCII tag under a hashed slug", () => {
    const tags = mainOf(site.text("tags/index.html"));
    const entries = [...tags.matchAll(/<a href="([^"]+)">([^<]+)<\/a> <span class="count">\((\d+) posts?\)/g)].map((m) => [m[1], m[2], m[3]]);
    expect(entries).toContainEqual(["/blog/tags/devops/", "DevOps", "3"]);
    expect(entries).toContainEqual(["/blog/tags/writing/", "Writing", "2"]);
    expect(entries).toContainEqual(["/blog/tags/uber-cafe/", "Über Café", "1"]);
    const japanese = entries.find((e) => e[1] === "日本語");
    expect(japanese?.[0]).toMatch(/^\/blog\/tags\/tag-[0-9a-f]{8}\/$/);
    expect(paths()).toContain(`${japanese?.[0]?.slice("/blog/".length)}index.html`);
  });

  it("paginates a tag's posts like the index and links its own feeds from its head", () => {
    const first = site.text("tags/devops/index.html");
    expect(mainOf(first).match(/<article class="post-summary/g)).toHaveLength(2);
    expect(first).toContain('href="/blog/tags/devops/page/2/" rel="next"');
    expect(first).toContain('<link rel="alternate" type="application/atom+xml" title="Daylight Notes: DevOps (Atom)" href="/blog/tags/devops/atom.xml">');
    expect(first).toContain('<link rel="alternate" type="application/rss+xml" title="Daylight Notes (RSS)" href="/blog/feed.xml">');
    expect(mainOf(site.text("tags/devops/page/2/index.html"))).toContain("/blog/posts/blue-green-basics/");
    expect(site.text("tags/devops/feed.xml")).toContain("<link>https://example.com/blog/tags/devops/</link>");
    expect(site.text("tags/devops/feed.xml").match(/<item>/g)).toHaveLength(3);
  });

  it("groups the archive by year in the site's time zone, newest first, pages left out", () => {
    const archive = mainOf(site.text("archive/index.html"));
    const years = [...archive.matchAll(/<h2 id="year-(\d+)">/g)].map((m) => m[1]);
    expect(years).toEqual(["2025", "2024"]);
    const y2025 = archive.slice(archive.indexOf("year-2025"), archive.indexOf("year-2024"));
    expect([...y2025.matchAll(/href="\/blog\/posts\/([^/]+)\/"/g)].map((m) => m[1])).toEqual([
      "stop-friday-deploys", "long-guide", "hostile", "yaml-post", "new-year",
    ]);
    expect(archive).not.toContain("/blog/about/");
  });

  it("keeps pages out of the index, tag pages and feeds, but puts them in the sitemap", () => {
    const listings = ["index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html", "tags/devops/index.html"];
    for (const p of listings) expect(mainOf(site.text(p))).not.toMatch(/\/blog\/(about|now)\//);
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) expect(site.text(feed)).not.toMatch(/example\.com\/blog\/(about|now)\//);
    const sitemap = site.text("sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(expect.arrayContaining([
      "https://example.com/blog/", "https://example.com/blog/about/", "https://example.com/blog/now/",
      "https://example.com/blog/archive/", "https://example.com/blog/tags/", "https://example.com/blog/tags/devops/",
      "https://example.com/blog/posts/long-guide/",
    ]));
    expect(locs.filter((l) => /404|\/page\/\d/.test(l ?? ""))).toEqual([]);
    expect(sitemap).toContain("<loc>https://example.com/blog/posts/long-guide/</loc>\n    <lastmod>2025-02-19T23:00:00Z</lastmod>");
    expect(site.text("robots.txt")).toContain("Sitemap: https://example.com/blog/sitemap.xml");
  });

  it("renders pages with page.liquid and lists them in the nav: config.nav first, then by title", () => {
    const about = site.text("about/index.html");
    expect(mainOf(about)).toContain('<article class="page">');
    expect(mainOf(about)).not.toMatch(/post-nav|<time/);
    const nav = [...about.matchAll(/<li><a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a><\/li>/g)].map((m) => [m[3], m[1], m[2] !== undefined]);
    expect(nav).toEqual([
      ["Posts", "/blog/", false], ["Archive", "/blog/archive/", false], ["Tags", "/blog/tags/", false],
      ["Now", "/blog/now/", false], ["About", "/blog/about/", true],
    ]);
    expect(metaContent(about, "og:type")).toEqual(["website"]);
    expect(jsonLdOf(about)).toBeUndefined();
  });

  it("gives a post its Open Graph article, Twitter card with image, and BlogPosting", () => {
    const html = site.text("posts/blue-green-basics/index.html");
    expect(metaContent(html, "og:type")).toEqual(["article"]);
    expect(metaContent(html, "og:image")).toEqual(["https://example.com/blog/images/blue-green.png"]);
    expect(metaContent(html, "twitter:card")).toEqual(["summary_large_image"]);
    expect(metaContent(html, "og:locale")).toEqual(["en_GB"]);
    expect(metaContent(html, "article:published_time")).toEqual(["2024-05-31T22:00:00.000Z"]);
    expect(metaContent(html, "article:tag")).toEqual(["DevOps", "deploys"]);
    expect(jsonLdOf(html)).toMatchObject({
      "@type": "BlogPosting", headline: "Blue-green basics", url: "https://example.com/blog/posts/blue-green-basics/",
      image: "https://example.com/blog/images/blue-green.png", keywords: "DevOps, deploys", author: { name: "Ada Example" },
    });
    expect(metaContent(site.text("posts/hello-world/index.html"), "twitter:card")).toEqual(["summary"]);
    expect(jsonLdOf(site.text("index.html"))).toMatchObject({ "@type": "Blog", name: "Daylight Notes", url: "https://example.com/blog/" });
  });

  it("never lets a hostile title or tag out of its context: text, attribute or JSON-LD", () => {
    for (const p of htmlFiles()) {
      const html = site.text(p);
      expect(html, p).not.toContain("<script>alert");
      expect(html, p).not.toContain("<b>bold</b>");
      // The only scripts: JSON-LD, and the theme's search script (search is on by default).
      const searchScript = /<script src="\/blog\/assets\/search\.[0-9a-f]{8}\.js" defer data-index="\/blog\/search\/index\.json"><\/script>/g;
      expect(html.match(/<script/g)?.length ?? 0, p).toBe((html.match(/<script type="application\/ld\+json">/g)?.length ?? 0) + (html.match(searchScript)?.length ?? 0));
    }
    const hostile = site.text("posts/hostile/index.html");
    expect(metaContent(hostile, "og:title")).toEqual(["&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &amp; more"]);
    expect(jsonLdOf(hostile)).toMatchObject({ headline: '</script><script>alert(1)</script> "quoted" & more' });
    // A JSON file is not a script element: there the title is just a JSON string.
    const feed = JSON.parse(site.text("feed.json")) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title)).toContain('</script><script>alert(1)</script> "quoted" & more');
  });

  it("shows a table of contents on long posts only, excerpts on the index, and backlinks", () => {
    const guide = site.text("posts/long-guide/index.html");
    expect(guide).toContain('<nav class="toc" aria-label="Contents">');
    expect(guide).toMatch(/<li><a href="#prepare">Prepare<\/a>\s*<ol>\s*<li><a href="#freeze-the-branch">/);
    expect(site.text("posts/blue-green-basics/index.html")).not.toContain('class="toc"');
    const referenced = guide.slice(guide.indexOf('<section class="referenced-by">'));
    expect([...referenced.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(["/blog/posts/stop-friday-deploys/", "/blog/now/"]);
    expect(site.text("posts/hello-world/index.html")).toContain('<li><a href="/blog/posts/japanese-notes/">Notes on learning Japanese</a></li>');
    const index = mainOf(site.text("index.html"));
    expect(index).toContain('<div class="excerpt">\n<p>It started with a rollback');
    expect(index).not.toContain("saved the weekend");
    expect(index).toContain('<p class="read-more"><a href="/blog/posts/stop-friday-deploys/">');
  });
});

describe("the step 3 fixture blog, with --future and --drafts and its own robots.txt", () => {
  it("marks scheduled and draft posts, and leaves robots.txt to public/", async () => {
    const preview = await assembleFixture(root, { future: true, drafts: true }, new Set(["robots.txt"]));
    expect(preview.text("posts/scheduled/index.html")).toContain('<span class="badge badge-scheduled">Scheduled</span>');
    expect(preview.text("posts/draft/index.html")).toContain('<span class="badge">Draft</span>');
    expect(preview.files.map((f) => f.path)).not.toContain("robots.txt");
    expect(preview.text("sitemap.xml")).not.toContain("/posts/draft/");
  });
});
