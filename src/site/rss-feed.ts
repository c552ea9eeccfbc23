import { create } from "xmlbuilder2";
import type { SiteConfig } from "../config/site-config.js";
import type { RenderedPost } from "../model.js";
import { absolutizeUrls } from "./absolute-urls.js";
import { renderResourcesHtml } from "./resources-html.js";
import { toXmlbuilderText } from "./xml-text.js";

/** The feed's path in the output folder (and, after the base path, in the site's URLs). */
export const rssFeedPath = "feed.xml";

type XMLBuilder = ReturnType<typeof create>;

const namespaces = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
};

/**
 * The site's RSS 2.0 feed: the newest `config.feedItems` posts with their full HTML, every
 * URL in it absolute. `config.url` must be set. The build date is the newest post's date,
 * not `now`, so that the same posts give the same bytes; `now` only serves an empty feed.
 */
export function renderRssFeed(posts: readonly RenderedPost[], config: SiteConfig, now: Date): string {
  const siteUrl = config.url;
  if (siteUrl === undefined) throw new Error("renderRssFeed needs config.url");
  const newest = newestFirst(posts);
  const channel = create({ version: "1.0", encoding: "UTF-8" })
    .ele("rss", { version: "2.0", ...namespaces })
    .ele("channel");
  text(channel, "title", config.title);
  text(channel, "link", siteUrl);
  text(channel, "description", config.description || config.title);
  text(channel, "language", config.language);
  text(channel, "lastBuildDate", rfc822(lastChange(posts) ?? now));
  text(channel, "generator", "daylight");
  channel.ele("atom:link", { href: toXmlbuilderText(new URL(rssFeedPath, siteUrl).href), rel: "self", type: "application/rss+xml" });
  for (const rendered of newest.slice(0, config.feedItems)) addItem(channel, rendered, config, siteUrl);
  return `${channel.end({ prettyPrint: true })}\n`;
}

function addItem(channel: XMLBuilder, rendered: RenderedPost, config: SiteConfig, siteUrl: string): void {
  const { meta } = rendered.post;
  const permalink = new URL(rendered.post.url, siteUrl).href;
  const item = channel.ele("item");
  text(item, "title", meta.title);
  text(item, "link", permalink);
  item.ele("guid", { isPermaLink: "true" }).txt(toXmlbuilderText(permalink));
  if (meta.published !== undefined) text(item, "pubDate", rfc822(meta.published));
  text(item, "description", rendered.description);
  const html = rendered.html + "\n" + renderResourcesHtml(rendered.resources, rendered.resourcesHeading);
  text(item, "content:encoded", absolutizeUrls(html.trim(), permalink));
  for (const tag of meta.tags) text(item, "category", tag);
  const author = meta.author ?? (config.author || undefined);
  if (author !== undefined) text(item, "dc:creator", author);
}

/** Adds `<name>value</name>`, escaped exactly once, without the characters XML forbids. */
function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(name).txt(toXmlbuilderText(value));
}

/** Posts by publication date, newest first; undated drafts last, ties in their given order. */
function newestFirst(posts: readonly RenderedPost[]): RenderedPost[] {
  const time = (p: RenderedPost) => p.post.meta.published?.getTime() ?? -Infinity;
  return [...posts].sort((a, b) => time(b) - time(a) || 0);
}

/** The latest `updated` or `published` of any post, or undefined when none has a date. */
function lastChange(posts: readonly RenderedPost[]): Date | undefined {
  let latest: Date | undefined;
  for (const { post } of posts) {
    const date = post.meta.updated ?? post.meta.published;
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}

/** RFC 822 date as RSS wants it (`Fri, 14 Mar 2025 00:00:00 +0000`), English names whatever the locale. */
export function rfc822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}
