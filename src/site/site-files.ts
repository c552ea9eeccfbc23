/**
 * The machine-read files of a site with a URL: feeds (the site's and each tag's), sitemap.xml
 * and robots.txt. Each is written by its own module; this one decides which exist and where.
 */
import type { SiteConfig } from "../config/site-config.js";
import type { OutputFile, RenderedPost } from "../model.js";
import { renderAtomFeed } from "./feeds/atom-feed.js";
import { feedPosts } from "./feeds/feed-items.js";
import type { FeedSpec } from "./feeds/feed-spec.js";
import { renderJsonFeed } from "./feeds/json-feed.js";
import { renderRssFeed } from "./feeds/rss-feed.js";
import { renderRobotsTxt } from "./robots-txt.js";
import { renderSitemap, type SitemapEntry } from "./sitemap.js";
import { timed } from "../timings/stage-timings.js";
import type { TextCache } from "../cache/text-cache.js";
import { feedFiles, robotsTxtPath, sitemapPath } from "../urls/generated-files.js";

/**
 * `feed.xml`, `atom.xml` and `feed.json` in `spec.folder`. Rendering XML is not cheap and
 * a site has three feeds per tag, so with a cache they are kept by what they are made of:
 * the newest posts' renderings (by digest), their headers, the config and the feed's date.
 */
export function feedOutputFiles(
  posts: readonly RenderedPost[],
  config: SiteConfig,
  now: Date,
  spec: FeedSpec,
  cache?: TextCache,
): OutputFile[] {
  const items = feedPosts(posts, config);
  const render = () => timed("feeds", () => [
    renderRssFeed(items, config, now, spec),
    renderAtomFeed(items, config, now, spec),
    renderJsonFeed(items, config, now, spec),
  ]);
  const key = () => JSON.stringify([spec, config, (latestChange(items) ?? now).getTime(),
    items.map((p) => [p.digest, p.post.url, p.post.meta])]);
  const [rss = "", atom = "", json = ""] = cache ? cache.texts("feeds", key(), render) : render();
  return [
    { path: `${spec.folder}${feedFiles.rss}`, contents: rss },
    { path: `${spec.folder}${feedFiles.atom}`, contents: atom },
    { path: `${spec.folder}${feedFiles.json}`, contents: json },
  ];
}

/** A page of the site for the sitemap: its site-absolute URL and the posts it shows. */
export interface SitemapPage {
  readonly url: string;
  /** The page's lastmod is the latest `updated ?? published` of these. */
  readonly posts: readonly RenderedPost[];
}

/** `sitemap.xml`, and `robots.txt` pointing at it unless public/ has its own. */
export function sitemapAndRobots(
  pages: readonly SitemapPage[],
  config: SiteConfig,
  publicPaths: ReadonlySet<string>,
  cache?: TextCache,
): OutputFile[] {
  const siteUrl = config.url;
  if (siteUrl === undefined) return [];
  const entries: SitemapEntry[] = pages.map((page) => ({ url: new URL(page.url, siteUrl).href, lastmod: latestChange(page.posts) }));
  // A large site's sitemap is the same after most builds, and XML is not cheap to write.
  const render = () => [renderSitemap(entries)];
  const [xml = ""] = cache ? cache.texts("sitemap", JSON.stringify(entries), render) : render();
  const files: OutputFile[] = [{ path: sitemapPath, contents: xml }];
  if (!publicPaths.has(robotsTxtPath)) files.push({ path: robotsTxtPath, contents: renderRobotsTxt(config) });
  return files;
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
