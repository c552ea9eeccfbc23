import type { SiteConfig } from "../config/site-config.js";
import { siteUrlOf } from "./feeds/feed-spec.js";
import { sitemapPath } from "../urls/generated-files.js";


/**
 * A robots.txt that lets every crawler in and points it at the sitemap. `config.url` must be set.
 * Under a base path it starts with a comment that says so: crawlers read robots.txt only at
 * the root of the host, so this one is there to be copied into that file, not to be obeyed.
 */
export function renderRobotsTxt(config: SiteConfig): string {
  const sitemap = new URL(sitemapPath, siteUrlOf(config)).href;
  const rules = `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
  if (config.basePath === "/") return rules;
  // No URL in the comment: tools that collect a robots.txt's URLs would take it for a link.
  return `# Crawlers read robots.txt only at the root of the host, not under ${config.basePath}:\n`
    + `# copy the Sitemap line below into the host's own robots.txt.\n${rules}`;
}
