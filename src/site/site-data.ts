import type { SiteConfig } from "../config/site-config.js";
import type { NavItem } from "./site-nav.js";
import { siteIcons, type IconLink } from "./site-icons.js";
import { feedFiles, type FeedFormat } from "../urls/generated-files.js";
import { searchPointerPath } from "./search/search-files.js";

/** A feed, for `<link rel="alternate">` and subscribe links. */
export interface FeedLink {
  readonly format: FeedFormat;
  /** The MIME type readers look for: application/rss+xml, application/atom+xml, application/feed+json. */
  readonly type: string;
  readonly title: string;
  /** Site-absolute URL (`/blog/feed.xml`). */
  readonly url: string;
}

/** `site`: the site's configuration, as templates need it. */
export interface SiteData {
  readonly title: string;
  readonly description: string | null;
  readonly author: string | null;
  readonly language: string;
  /** Open Graph's form of the language: `en_US` for `en-US`. */
  readonly locale: string;
  /** Absolute site URL with a trailing slash; null in dev without one. */
  readonly url: string | null;
  /** `/` or `/blog/`: prefix of every site-absolute URL. */
  readonly basePath: string;
  /** Site-absolute URL of the RSS feed; null when no feed is written (no site URL). */
  readonly feedUrl: string | null;
  /** The site's feeds (RSS, Atom, JSON Feed); empty without a site URL. */
  readonly feeds: readonly FeedLink[];
  /** Posts, Archive, Tags, then the standalone pages. */
  readonly nav: readonly NavItem[];
  readonly archiveUrl: string;
  /** The tag list; null when no post has a tag. */
  readonly tagsUrl: string | null;
  /** Favicon and home-screen icon links, for the icons public/ holds by their usual names. */
  readonly icons: readonly IconLink[];
  /** The search page and the file that names the current index; null with `search: false`. */
  readonly search: SearchData | null;
}

/** `site.search`: where the theme's search box and script find the search. */
export interface SearchData {
  /** Site-absolute URL of the search page (`/blog/search/`). */
  readonly url: string;
  /** Site-absolute URL of the file naming the current index (`/blog/search/index.json`). */
  readonly index: string;
}

const feedTypes: Record<FeedFormat, { type: string; label: string }> = {
  rss: { type: "application/rss+xml", label: "RSS" },
  atom: { type: "application/atom+xml", label: "Atom" },
  json: { type: "application/feed+json", label: "JSON Feed" },
};

/** The three feeds in `folder` (`""`, `tags/devops/`), titled after `title`; none without a site URL. */
export function feedLinks(config: SiteConfig, folder: string, title: string): FeedLink[] {
  if (config.url === undefined) return [];
  return (Object.keys(feedFiles) as FeedFormat[]).map((format) => ({
    format,
    type: feedTypes[format].type,
    title: `${title} (${feedTypes[format].label})`,
    url: `${config.basePath}${folder}${feedFiles[format]}`,
  }));
}

/** `site` from the config, the navigation and the output paths of public/'s files. */
export function toSiteData(
  config: SiteConfig,
  nav: readonly NavItem[] = [],
  hasTags = false,
  publicPaths: ReadonlySet<string> = new Set(),
): SiteData {
  const feeds = feedLinks(config, "", config.title);
  return {
    title: config.title,
    description: config.description || null,
    author: config.author || null,
    language: config.language,
    locale: ogLocale(config.language),
    url: config.url ?? null,
    basePath: config.basePath,
    feedUrl: feeds.find((f) => f.format === "rss")?.url ?? null,
    feeds,
    nav: nav.length > 0 ? nav : [{ title: "Posts", url: config.basePath }],
    archiveUrl: `${config.basePath}archive/`,
    tagsUrl: hasTags ? `${config.basePath}tags/` : null,
    icons: siteIcons(publicPaths, config.basePath),
    search: config.search ? { url: `${config.basePath}search/`, index: `${config.basePath}${searchPointerPath}` } : null,
  };
}

/** `en-us` → `en_US`, `de` → `de`: Open Graph wants language_TERRITORY. */
export function ogLocale(language: string): string {
  const [lang = "en", region] = language.split(/[-_]/);
  return region !== undefined && /^[a-z]{2}$/i.test(region) ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}
