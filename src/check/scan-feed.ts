import { decodeEntities } from "../text/decode-entities.js";
import type { Reference } from "./reference.js";

/** XML elements whose text is a URL in RSS, Atom and sitemaps (`<link>`, `<guid>`, `<id>`, `<loc>`…). */
const urlElements = new Set(["link", "guid", "id", "loc", "uri", "icon", "logo", "comments", "url", "image:loc", "docs"]);
/** XML attributes that hold a URL (Atom `<link href>`, `<enclosure url>`, `<?xml-stylesheet href?>`). */
const urlXmlAttributes = /\b(href|src|url)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * The URLs of an RSS/Atom feed or a sitemap. Only absolute `http(s)` URLs count (a guid
 * may be any string); the escaped HTML inside `<content:encoded>` and the like is text
 * here, not markup: the pages themselves carry those links and are checked as pages.
 */
export function scanXml(text: string): Reference[] {
  const refs: Reference[] = [];
  const n = text.length;
  for (let i = text.indexOf("<"); i !== -1 && i < n; i = text.indexOf("<", i)) {
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const end = tagEnd(text, i);
    const tag = text.slice(i, end);
    collectAttributes(tag, i, refs);
    const name = /^<([A-Za-z_][\w:.-]*)/.exec(tag)?.[1]?.toLowerCase();
    if (name && urlElements.has(name) && !tag.endsWith("/>")) {
      const textEnd = text.indexOf("<", end);
      const raw = text.slice(end, textEnd === -1 ? n : textEnd);
      const lead = raw.length - raw.trimStart().length;
      const url = decodeEntities(raw.trim());
      if (url) refs.push({ url, offset: end + lead, absoluteOnly: true });
    }
    i = end;
  }
  return refs;
}

/** The index after the tag starting at `i`, quotes respected. */
function tagEnd(text: string, i: number): number {
  let quote = 0;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j + 1;
  }
  return text.length;
}

function collectAttributes(tag: string, offset: number, refs: Reference[]): void {
  if (!/\b(href|src|url)\s*=/.test(tag)) return;
  for (const match of tag.matchAll(urlXmlAttributes)) {
    const value = match[3] ?? match[4] ?? "";
    const valueOffset = offset + match.index + match[0].length - value.length - 1;
    refs.push({ url: decodeEntities(value), offset: valueOffset, absoluteOnly: true });
  }
}

/** Top-level and per-item JSON Feed 1.1 fields that hold URLs. */
const feedKeys = ["home_page_url", "feed_url", "next_url", "icon", "favicon"] as const;
const itemKeys = ["id", "url", "image", "banner_image"] as const;

/** The URLs of a JSON Feed; positions point at the string in the file. Not a feed → no references. */
export function scanJsonFeed(text: string): Reference[] {
  // Most JSON files of a site are the search index's: parsing them all only to find they are no feed was most of their check.
  if (!text.includes("https://jsonfeed.org/version/")) return [];
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(feed) || typeof feed.version !== "string" || !feed.version.startsWith("https://jsonfeed.org/version/")) {
    return [];
  }
  const urls: string[] = feedKeys.map((key) => feed[key]).filter(isString);
  const items = Array.isArray(feed.items) ? feed.items.filter(isRecord) : [];
  for (const item of items) {
    urls.push(...itemKeys.map((key) => item[key]).filter(isString));
    const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isRecord) : [];
    urls.push(...attachments.map((a) => a.url).filter(isString));
  }
  let cursor = 0;
  return urls.map((url) => {
    const at = text.indexOf(JSON.stringify(url), cursor);
    if (at !== -1) cursor = at;
    return { url, offset: at === -1 ? 0 : at + 1, absoluteOnly: true };
  });
}

/** `Sitemap:` lines of a robots.txt. */
export function scanRobots(text: string): Reference[] {
  const refs: Reference[] = [];
  for (const match of text.matchAll(/^[ \t]*sitemap[ \t]*:[ \t]*(\S+)/gim)) {
    const url = match[1] ?? "";
    refs.push({ url, offset: match.index + match[0].length - url.length, absoluteOnly: true });
  }
  return refs;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
