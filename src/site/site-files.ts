/**
 * The machine-read files of a site with a URL: feeds (the site's and each tag's), sitemap.xml
 * and robots.txt. Each is written by its own module; this one decides which exist and where.
 */
import type { SiteConfig } from "../config/site-config.js";
import type { OutputFile, RenderedPost } from "../model.js";
import { renderAtomFeed } from "./feeds/atom-feed.js";
import { feedFiles, type FeedSpec } from "./feeds/feed-spec.js";
import { renderJsonFeed } from "./feeds/json-feed.js";
import { renderRssFeed } from "./feeds/rss-feed.js";
import { renderRobotsTxt, robotsTxtPath } from "./robots-txt.js";
import { identityOf } from "../identity-memo.js";
import { renderSitemap, sitemapPath, type SitemapEntry } from "./sitemap.js";

/** `feed.xml`, `atom.xml` and `feed.json` in `spec.folder`. */
export function feedOutputFiles(posts: readonly RenderedPost[], config: SiteConfig, now: Date, spec: FeedSpec): OutputFile[] {
  // A feed is a pure function of these; a dev rebuild after one edit asks again for every
  // tag's three feeds, and rendering XML is not cheap. Posts are compared by identity (the
  // render cache hands back the same object while a post is unchanged).
  const key = JSON.stringify([spec, config, now.getTime(), posts.map(identityOf)]);
  // One entry per feed folder of a site: an edited post is a new object, so an older key
  // never comes back, and keeping it would keep three whole feeds per save for a session.
  const place = JSON.stringify([config.url, spec.folder]);
  const recent = recentFeeds.get(place);
  if (recent?.key === key) return recent.files;
  const files = renderFeeds(posts, config, now, spec);
  if (recentFeeds.size >= maxFeedFolders && !recentFeeds.has(place)) recentFeeds.clear();
  recentFeeds.set(place, { key, files });
  return files;
}

const recentFeeds = new Map<string, { key: string; files: OutputFile[] }>();
const maxFeedFolders = 2_000;

function renderFeeds(posts: readonly RenderedPost[], config: SiteConfig, now: Date, spec: FeedSpec): OutputFile[] {
  return [
    { path: `${spec.folder}${feedFiles.rss}`, contents: renderRssFeed(posts, config, now, spec) },
    { path: `${spec.folder}${feedFiles.atom}`, contents: renderAtomFeed(posts, config, now, spec) },
    { path: `${spec.folder}${feedFiles.json}`, contents: renderJsonFeed(posts, config, now, spec) },
  ];
}

/** A page of the site for the sitemap: its site-absolute URL and the posts it shows. */
export interface SitemapPage {
  readonly url: string;
  /** The page's lastmod is the latest `updated ?? published` of these. */
  readonly posts: readonly RenderedPost[];
}

/** `sitemap.xml`, and `robots.txt` pointing at it unless public/ has its own. */
export function sitemapAndRobots(pages: readonly SitemapPage[], config: SiteConfig, publicPaths: ReadonlySet<string>): OutputFile[] {
  const siteUrl = config.url;
  if (siteUrl === undefined) return [];
  const entries: SitemapEntry[] = pages.map((page) => ({ url: new URL(page.url, siteUrl).href, lastmod: latestChange(page.posts) }));
  const files: OutputFile[] = [{ path: sitemapPath, contents: sitemapOf(entries) }];
  if (!publicPaths.has(robotsTxtPath)) files.push({ path: robotsTxtPath, contents: renderRobotsTxt(config) });
  return files;
}

// The sitemap of a large site is the same after most dev rebuilds; XML is not cheap to write.
let lastSitemap: { key: string; xml: string } | undefined;
function sitemapOf(entries: readonly SitemapEntry[]): string {
  const key = JSON.stringify(entries);
  if (lastSitemap?.key !== key) lastSitemap = { key, xml: renderSitemap(entries) };
  return lastSitemap.xml;
}

/** The latest `updated ?? published` of some posts; undefined when none is dated. */
export function latestChange(posts: readonly RenderedPost[]): Date | undefined {
  let latest: Date | undefined;
  for (const { post } of posts) {
    const date = post.meta.updated ?? post.meta.published;
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}
