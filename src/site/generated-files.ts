import { feedFiles } from "./feeds/feed-spec.js";
import { robotsTxtPath } from "./robots-txt.js";
import { sitemapPath } from "./sitemap.js";

/**
 * Files that every build writes at the output root: a post may link to them (`/feed.xml`)
 * although no source file has that name.
 */
export const generatedRootFiles: ReadonlySet<string> = new Set([
  ...Object.values(feedFiles),
  sitemapPath,
  robotsTxtPath,
  "404.html",
]);
