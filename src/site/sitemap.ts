import { rfc3339 } from "./feeds/feed-items.js";
import { createXmlDocument } from "./feeds/xml-document.js";
import { toXmlbuilderText } from "./feeds/xml-text.js";


/** One page of the site for the sitemap. */
export interface SitemapEntry {
  /** Absolute URL (`https://example.com/blog/posts/a/`). */
  readonly url: string;
  /** When the page last changed (a post's `updated` or `published`); undefined when unknown. */
  readonly lastmod: Date | undefined;
}

/** The sitemaps.org protocol's limits for one sitemap file. */
export const sitemapLimits = { urls: 50_000, urlLength: 2047 } as const;

/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): one `<url>` per entry, in the given order, with
 * `<lastmod>` as a W3C datetime when known. A URL of 2,048 characters or more is left out:
 * the protocol forbids it and a search engine may reject the whole file over it. More than
 * 50,000 URLs would need a sitemap index, which daylight does not write yet: that throws.
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  if (entries.length === 0) throw new Error("renderSitemap needs at least one URL (a site always has its index)");
  if (entries.length > sitemapLimits.urls) {
    throw new Error(`renderSitemap: ${entries.length} URLs exceed the protocol's ${sitemapLimits.urls}; a sitemap index is not implemented`);
  }
  const urlset = createXmlDocument().ele("urlset", {
    xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
  });
  for (const entry of entries) {
    if (!isAbsoluteHttpUrl(entry.url)) throw new Error(`renderSitemap needs absolute http(s) URLs, not "${entry.url}"`);
    if (entry.url.length > sitemapLimits.urlLength) continue;
    const url = urlset.ele("url");
    url.ele("loc").txt(toXmlbuilderText(entry.url));
    if (entry.lastmod !== undefined) url.ele("lastmod").txt(rfc3339(entry.lastmod));
  }
  return `${urlset.end({ prettyPrint: true })}\n`;
}

function isAbsoluteHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
