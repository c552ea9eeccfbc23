import type { SiteConfig } from "../../config/site-config.js";
import { htmlOf, type Rendering } from "../../model.js";
import { memoizeByIdentity } from "../../memo/identity-memo.js";
import { absolutizeUrls } from "../absolute-urls.js";
import { siteUrlOf } from "./feed-spec.js";
import { renderResourcesHtml } from "./resources-html.js";
import { mathForFeeds } from "./math-for-feeds.js";

/**
 * How many of a post's tags its feed items list as categories. A post is an item of each of
 * its tags' feeds, so listing them all made a post with 2,000 tags write 2,000 × 2,000
 * categories (362 MB, 75 s); with a cap, feeds grow with the number of tags, not its square.
 * The post's page lists every tag; tag-index.ts warns about a post over the cap.
 */
export const maxFeedCategories = 64;

/** What every feed format says about one post; each format only serialises it. */
export interface FeedItem {
  /** Absolute URL of the post: its link, and its id in every format (unique and stable). */
  readonly permalink: string;
  readonly title: string;
  /** Plain text: the description, or the first paragraph's text. */
  readonly summary: string;
  /** The body and its Resources list, every `href`/`src`/`srcset`/`poster` absolute. */
  readonly contentHtml: string;
  readonly published: Date | undefined;
  readonly updated: Date | undefined;
  /** The post's first maxFeedCategories tags. */
  readonly tags: readonly string[];
  /** The post's author, else the site's; undefined when neither is given. */
  readonly author: string | undefined;
}

/**
 * The feed's items: at most `config.feedItems` posts, newest first. Standalone pages are
 * never feed items (they are not dated posts), whatever the caller hands in.
 */
export function toFeedItems(posts: readonly Rendering[], config: SiteConfig): FeedItem[] {
  const siteUrl = siteUrlOf(config);
  return feedPosts(posts, config).map((post) => toFeedItem(post, config, siteUrl));
}

/** The posts a feed shows: the newest `config.feedItems` of them, pages left out. */
export function feedPosts(posts: readonly Rendering[], config: SiteConfig): Rendering[] {
  return newestFirst(posts.filter((p) => p.post.kind === "post")).slice(0, config.feedItems);
}

function toFeedItem(rendered: Rendering, config: SiteConfig, siteUrl: string): FeedItem {
  const { meta } = rendered.post;
  const permalink = new URL(rendered.post.url, siteUrl).href;
  return {
    permalink,
    title: meta.title,
    summary: rendered.description,
    contentHtml: feedContentHtml(rendered, permalink),
    published: meta.published,
    updated: meta.updated,
    tags: meta.tags.slice(0, maxFeedCategories),
    author: meta.author ?? (config.author || undefined),
  };
}

/**
 * The body and its Resources with every URL absolute: the same in every feed a post is in,
 * and in every dev rebuild. Remembered per rendered post: a dev rebuild after an edit to the
 * newest post (the feeds are made again) took 280 ms of CPU with, 355 ms without (1,000-post
 * bench corpus, median).
 */
const feedContentHtml = memoizeByIdentity((rendered: Rendering, permalink: string) => {
  const html = `${htmlOf(rendered)}\n${renderResourcesHtml(rendered.resources, rendered.resourcesHeading)}`.trim();
  return absolutizeUrls(rendered.math === true ? mathForFeeds(html) : html, permalink);
});

/** Posts by publication date, newest first; undated drafts last, ties in their given order. */
function newestFirst(posts: readonly Rendering[]): Rendering[] {
  const time = (p: Rendering) => p.post.meta.published?.getTime() ?? -Infinity;
  return [...posts].sort((a, b) => time(b) - time(a) || 0);
}

/**
 * When the feed last changed: the latest `updated` or `published` of its items, so the same
 * posts give the same bytes; `now` only for a feed with no dated item.
 */
export function feedUpdated(items: readonly FeedItem[], now: Date): Date {
  let latest: Date | undefined;
  for (const item of items) {
    const date = item.updated ?? item.published;
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest ?? now;
}

/** RFC 3339 in UTC (`2025-03-14T09:30:00Z`), milliseconds only when there are some. */
export const rfc3339 = (date: Date): string => date.toISOString().replace(/\.000Z$/, "Z");
