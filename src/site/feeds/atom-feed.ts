import type { SiteConfig } from "../../config/site-config.js";
import type { Rendering } from "../../model.js";
import { feedUpdated, rfc3339, toFeedItems, type FeedItem } from "./feed-items.js";
import { feedUrl, siteFeedSpec, type FeedSpec } from "./feed-spec.js";
import { createXmlDocument, type XMLBuilder } from "./xml-document.js";
import { toXmlbuilderText } from "./xml-text.js";

const atomNamespace = "http://www.w3.org/2005/Atom";

/**
 * An Atom 1.0 feed (RFC 4287; the site's, or a tag's with `spec`): ids are absolute IRIs,
 * dates RFC 3339, titles plain text escaped once, full HTML content with absolute URLs.
 * `updated` is the newest item's date, not `now`, so that the same posts give the same bytes.
 */
export function renderAtomFeed(
  posts: readonly Rendering[],
  config: SiteConfig,
  now: Date,
  spec: FeedSpec = siteFeedSpec(config),
): string {
  const items = toFeedItems(posts, config);
  const updated = feedUpdated(items, now);
  const feed = createXmlDocument().ele("feed", {
    xmlns: atomNamespace,
    "xml:lang": toXmlbuilderText(config.language),
  });
  text(feed, "id", spec.pageUrl);
  text(feed, "title", spec.title, { type: "text" });
  if (spec.description !== "") text(feed, "subtitle", spec.description, { type: "text" });
  text(feed, "updated", rfc3339(updated));
  link(feed, "self", feedUrl(spec, "atom", config), "application/atom+xml");
  link(feed, "alternate", spec.pageUrl, "text/html");
  // RFC 4287 §4.1.1: a feed whose entries may lack an author must name one itself.
  author(feed, config.author || config.title);
  text(feed, "generator", "daylight");
  for (const item of items) addEntry(feed, item, updated);
  return `${feed.end({ prettyPrint: true })}\n`;
}

function addEntry(feed: XMLBuilder, item: FeedItem, feedDate: Date): void {
  const entry = feed.ele("entry");
  text(entry, "id", item.permalink);
  text(entry, "title", item.title, { type: "text" });
  link(entry, "alternate", item.permalink, "text/html");
  if (item.published !== undefined) text(entry, "published", rfc3339(item.published));
  // `updated` is required; an undated draft (only in --drafts builds) takes the feed's.
  text(entry, "updated", rfc3339(item.updated ?? item.published ?? feedDate));
  if (item.author !== undefined) author(entry, item.author);
  for (const tag of item.tags) entry.ele("category", { term: toXmlbuilderText(tag) });
  text(entry, "summary", item.summary, { type: "text" });
  text(entry, "content", item.contentHtml, { type: "html" });
}

/** Adds `<name>value</name>`, escaped exactly once, without the characters XML forbids. */
function text(parent: XMLBuilder, name: string, value: string, attributes: Record<string, string> = {}): void {
  parent.ele(name, attributes).txt(toXmlbuilderText(value));
}

function link(parent: XMLBuilder, rel: string, href: string, type: string): void {
  parent.ele("link", { rel, type, href: toXmlbuilderText(href) });
}

function author(parent: XMLBuilder, name: string): void {
  text(parent.ele("author"), "name", name);
}
