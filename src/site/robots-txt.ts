import type { SiteConfig } from "../config/site-config.js";
import { siteUrlOf } from "./feeds/feed-spec.js";
import { sitemapPath } from "./sitemap.js";

/** robots.txt's path in the output folder; the build writes it only when public/ has none. */
export const robotsTxtPath = "robots.txt";

/** A robots.txt that lets every crawler in and points it at the sitemap. `config.url` must be set. */
export function renderRobotsTxt(config: SiteConfig): string {
  const sitemap = new URL(sitemapPath, siteUrlOf(config)).href;
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
