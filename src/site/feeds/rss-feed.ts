import type { SiteConfig } from "../../config/site-config.js";
import type { Rendering } from "../../model.js";
import { feedUpdated, toFeedItems, type FeedItem } from "./feed-items.js";
import { feedUrl, siteFeedSpec, type FeedSpec } from "./feed-spec.js";
import { createXmlDocument, type XMLBuilder } from "./xml-document.js";
import { toXmlbuilderText } from "./xml-text.js";

const namespaces = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
};

/**
 * An RSS 2.0 feed (the site's, or a tag's with `spec`): the newest `config.feedItems` posts
 * with their full HTML, every URL in it absolute. `config.url` must be set. The build date
 * is the newest item's date, not `now`, so that the same posts give the same bytes.
 */
export function renderRssFeed(
  posts: readonly Rendering[],
  config: SiteConfig,
  now: Date,
  spec: FeedSpec = siteFeedSpec(config),
): string {
  const items = toFeedItems(posts, config);
  const channel = createXmlDocument()
    .ele("rss", { version: "2.0", ...namespaces })
    .ele("channel");
  text(channel, "title", spec.title);
  text(channel, "link", spec.pageUrl);
  text(channel, "description", spec.description || spec.title);
  text(channel, "language", config.language);
  text(channel, "lastBuildDate", rfc822(feedUpdated(items, now)));
  text(channel, "generator", "daylight");
  const self = toXmlbuilderText(feedUrl(spec, "rss", config));
  channel.ele("atom:link", { href: self, rel: "self", type: "application/rss+xml" });
  for (const item of items) addItem(channel, item);
  return `${channel.end({ prettyPrint: true })}\n`;
}

function addItem(channel: XMLBuilder, item: FeedItem): void {
  const element = channel.ele("item");
  text(element, "title", item.title);
  text(element, "link", item.permalink);
  element.ele("guid", { isPermaLink: "true" }).txt(toXmlbuilderText(item.permalink));
  if (item.published !== undefined) text(element, "pubDate", rfc822(item.published));
  text(element, "description", item.summary);
  text(element, "content:encoded", item.contentHtml);
  for (const tag of item.tags) text(element, "category", tag);
  if (item.author !== undefined) text(element, "dc:creator", item.author);
}

/** Adds `<name>value</name>`, escaped exactly once, without the characters XML forbids. */
function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(name).txt(toXmlbuilderText(value));
}

/** RFC 822 date as RSS wants it (`Fri, 14 Mar 2025 00:00:00 +0000`), English names whatever the locale. */
export function rfc822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}
