import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { create } from "xmlbuilder2";
import { describe, expect, it } from "vitest";
import { renderSitemap, sitemapLimits, type SitemapEntry } from "../../src/site/sitemap.js";
import { xmllint } from "../support/system-tools.js";

const schema = fileURLToPath(new URL("../schemas/sitemap.xsd", import.meta.url));

const entries: SitemapEntry[] = [
  { url: "https://example.com/blog/", lastmod: new Date("2025-04-01T12:00:00Z") },
  { url: "https://example.com/blog/posts/a/", lastmod: new Date("2025-03-14T09:30:15.250+01:00") },
  { url: "https://example.com/blog/tags/q&a/?x=1&y=<2>", lastmod: undefined },
];

interface UrlElement {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>;
}

function urlsOf(xml: string): { loc: string | null | undefined; lastmod: string | null | undefined }[] {
  const root = (create(xml).node as unknown as { documentElement: UrlElement }).documentElement;
  const urls = Array.from(root.getElementsByTagName("url")) as unknown as UrlElement[];
  return urls.map((u) => ({ loc: u.getElementsByTagName("loc")[0]?.textContent, lastmod: u.getElementsByTagName("lastmod")[0]?.textContent }));
}

/** xmllint's verdict on `xml` against the project's sitemap schema: its exit status and messages. */
function validate(xml: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "daylight-sitemap-"));
  try {
    const file = join(dir, "sitemap.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
    return { status: run.status, output: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("renderSitemap", () => {
  it("writes one url per entry, in order, with loc escaped and lastmod as a W3C datetime when known", () => {
    const xml = renderSitemap(entries);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(xml.endsWith("</urlset>\n")).toBe(true);
    expect(urlsOf(xml)).toEqual([
      { loc: "https://example.com/blog/", lastmod: "2025-04-01T12:00:00Z" },
      { loc: "https://example.com/blog/posts/a/", lastmod: "2025-03-14T08:30:15.250Z" },
      { loc: "https://example.com/blog/tags/q&a/?x=1&y=<2>", lastmod: undefined },
    ]);
    expect(xml).toContain("<loc>https://example.com/blog/tags/q&amp;a/?x=1&amp;y=&lt;2&gt;</loc>");
  });

  it("escapes a URL that already holds an entity-like sequence exactly once", () => {
    const xml = renderSitemap([{ url: "https://example.com/?q=a&amp;b", lastmod: undefined }]);
    expect(xml).toContain("<loc>https://example.com/?q=a&amp;amp;b</loc>");
    expect(urlsOf(xml)[0]?.loc).toBe("https://example.com/?q=a&amp;b");
  });

  it("leaves out a URL of 2,048 characters or more, which the protocol forbids", () => {
    const long = `https://example.com/${"a".repeat(sitemapLimits.urlLength - 20)}`;
    expect(long).toHaveLength(sitemapLimits.urlLength);
    const xml = renderSitemap([{ url: long, lastmod: undefined }, { url: `${long}b`, lastmod: undefined }]);
    expect(urlsOf(xml).map((u) => u.loc)).toEqual([long]);
  });

  it("is the same for the same entries", () => {
    expect(renderSitemap(entries)).toBe(renderSitemap(entries.map((e) => ({ ...e }))));
  });

  it("throws on a caller's mistake: no entries, a relative URL, more than 50,000 URLs", () => {
    expect(() => renderSitemap([])).toThrow(/at least one/);
    expect(() => renderSitemap([{ url: "/blog/", lastmod: undefined }])).toThrow(/absolute/);
    expect(() => renderSitemap([{ url: "ftp://example.com/", lastmod: undefined }])).toThrow(/absolute/);
    const many = Array.from({ length: sitemapLimits.urls + 1 }, (_, i) => ({ url: `https://example.com/${i}/`, lastmod: undefined }));
    expect(() => renderSitemap(many)).toThrow(/50000/);
    expect(() => renderSitemap(many.slice(1))).not.toThrow();
  });
});

describe.runIf(xmllint().available)("renderSitemap against tests/schemas/sitemap.xsd", () => {
  it("validates, escaped URLs and both lastmod forms included", () => {
    const result = validate(renderSitemap(entries));
    expect(result.output).toContain("validates");
    expect(result.status).toBe(0);
  });

  it("has a schema that rejects what the protocol forbids", () => {
    const urlset = (inner: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${inner}</urlset>\n`;
    const bad = [
      urlset(""),
      urlset("<url><loc>/blog/posts/a/</loc></url>"),
      urlset("<url><loc>https://example.com/</loc><lastmod>14 March 2025</lastmod></url>"),
      urlset("<url><lastmod>2025-03-14</lastmod></url>"),
      urlset("<url><loc>https://example.com/</loc><priority>1.5</priority></url>"),
      urlset(`<url><loc>https://example.com/${"a".repeat(2040)}</loc></url>`),
      urlset("<url><loc>https://example.com/</loc></url><url><loc>https://example.com/</loc></url>"),
    ];
    for (const xml of bad) expect(validate(xml).status, xml.slice(0, 200)).not.toBe(0);
    expect(validate(urlset("<url><loc>https://example.com/</loc><lastmod>2025-03-14</lastmod><changefreq>weekly</changefreq></url>")).status).toBe(0);
  });
});
