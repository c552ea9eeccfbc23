/**
 * The machine-read files of a site with a URL: feeds (the site's and each tag's), sitemap.xml
 * and robots.txt. Each is written by its own module; this one decides which exist and where.
 */
import type { SiteConfig } from "../config/site-config.js";
import type { OutputFile, Rendering } from "../model.js";
import { renderAtomFeed } from "./feeds/atom-feed.js";
import { feedPosts } from "./feeds/feed-items.js";
import type { FeedSpec } from "./feeds/feed-spec.js";
import { renderJsonFeed } from "./feeds/json-feed.js";
import { renderRssFeed } from "./feeds/rss-feed.js";
import { renderRobotsTxt } from "./robots-txt.js";
import { renderSitemap, type SitemapEntry } from "./sitemap.js";
import { timed } from "../timings/stage-timings.js";
import { mapInSteps, type Steps } from "../timings/run-steps.js";
import { feedFiles, robotsTxtPath, sitemapPath } from "../urls/generated-files.js";

/**
 * Generated texts that the text cache keeps under one key: the files at `paths`, made
 * together by `make` (a feed's three forms), or taken as they are from the last build
 * (see site/assemble-site.ts).
 */
export interface KeptTexts {
  readonly kind: string;
  /** Everything the texts are made of, as one string (computed on first use). */
  readonly key: () => string;
  readonly paths: readonly string[];
  readonly make: () => readonly string[];
}

/**
 * `feed.xml`, `atom.xml` and `feed.json` in `spec.folder`. Rendering XML is not cheap and
 * a site has three feeds per tag, so with a cache they are kept by what they are made of:
 * the newest posts' renderings (by digest), their headers, the config and the feed's date.
 */
export function feedTexts(posts: readonly Rendering[], config: SiteConfig, now: Date, spec: FeedSpec): KeptTexts {
  const items = feedPosts(posts, config);
  let key: string | undefined;
  return {
    kind: "feeds",
    key: () => (key ??= JSON.stringify([spec, config, (latestChange(items) ?? now).getTime(), items.map((p) => [p.digest, p.post.url, p.post.meta])])),
    paths: [`${spec.folder}${feedFiles.rss}`, `${spec.folder}${feedFiles.atom}`, `${spec.folder}${feedFiles.json}`],
    make: () => timed("feeds", () => [
      renderRssFeed(items, config, now, spec),
      renderAtomFeed(items, config, now, spec),
      renderJsonFeed(items, config, now, spec),
    ]),
  };
}

/** A page of the site for the sitemap: its site-absolute URL and the posts it shows. */
export interface SitemapPage {
  readonly url: string;
  /** The page's lastmod is the latest `updated ?? published` of these. */
  readonly posts: readonly Rendering[];
}

/**
 * `sitemap.xml` (none without a site URL), a step after each page (see run-steps.ts). A large
 * site's sitemap is the same after most builds, and XML is not cheap to write.
 */
export function* sitemapInSteps(pages: readonly SitemapPage[], config: SiteConfig): Steps<KeptTexts | undefined> {
  const siteUrl = config.url;
  if (siteUrl === undefined) return undefined;
  const entries = yield* mapInSteps(pages, (page): SitemapEntry => ({ url: new URL(page.url, siteUrl).href, lastmod: latestChange(page.posts) }));
  let key: string | undefined;
  return { kind: "sitemap", key: () => (key ??= JSON.stringify(entries)), paths: [sitemapPath], make: () => [renderSitemap(entries)] };
}

/** `robots.txt` pointing at the sitemap, unless public/ has its own or the site has no URL. */
export function robotsFiles(config: SiteConfig, publicPaths: ReadonlySet<string>): OutputFile[] {
  return config.url === undefined || publicPaths.has(robotsTxtPath) ? [] : [{ path: robotsTxtPath, contents: renderRobotsTxt(config) }];
}

/** The latest `updated ?? published` of some posts; undefined when none is dated. */
export function latestChange(posts: readonly Rendering[]): Date | undefined {
  let latest: Date | undefined;
  for (const { post } of posts) {
    const date = post.meta.updated ?? post.meta.published;
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}
