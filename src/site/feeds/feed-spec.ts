import type { SiteConfig } from "../../config/site-config.js";
import { feedFiles, type FeedFormat } from "../../urls/generated-files.js";

/** Which feed: the site's, or a tag's. Its files sit in `folder`, e.g. "feed.xml", "tags/devops/atom.xml". */
export interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the HTML listing this feed mirrors. */
  readonly pageUrl: string;
  /** Output-relative folder of the feeds: "" for the site, "tags/devops/" for a tag. */
  readonly folder: string;
}

/** The site's own feeds: the home page's title and description, at the output root. */
export const siteFeedSpec = (config: SiteConfig): FeedSpec => ({
  title: config.title,
  description: config.description,
  pageUrl: siteUrlOf(config),
  folder: "",
});

/** The absolute URL of one of a spec's feed files (`https://example.com/blog/tags/devops/atom.xml`). */
export function feedUrl(spec: FeedSpec, format: FeedFormat, config: SiteConfig): string {
  if (spec.folder !== "" && !/^[^/].*\/$/.test(spec.folder)) {
    throw new Error(`FeedSpec.folder must be "" or relative with a trailing slash, not "${spec.folder}"`);
  }
  return new URL(`${spec.folder}${feedFiles[format]}`, siteUrlOf(config)).href;
}

/** The site URL; feeds are read far from the site, so a build without one must not ask for them. */
export function siteUrlOf(config: SiteConfig): string {
  if (config.url === undefined) throw new Error("feeds, the sitemap and robots.txt need config.url");
  return config.url;
}
