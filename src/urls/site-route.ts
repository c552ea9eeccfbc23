import { generatedRootFiles } from "../site/generated-files.js";
import { feedFiles } from "../site/feeds/feed-spec.js";

/**
 * Whether `path` (a URL path below the site's base path, without its leading `/`: `""`,
 * `archive/`, `tags/go/page/2/`, `feed.xml`, `about/`) names a page or file this build
 * writes besides posts and copied files: the home page and its pages, the archive, the tag
 * pages and their feeds, the root files every build writes (feeds, sitemap, robots.txt,
 * 404.html) and the standalone pages of `pages` (their paths, `about/`). A folder may be
 * named with or without its trailing `/` or `index.html`, as a static host serves all three.
 */
export function isSiteRoute(path: string, pages: ReadonlySet<string> | undefined): boolean {
  if (generatedRootFiles.has(path) || tagFeed.test(path)) return true;
  const folder = folderOf(path);
  return folder === "" || pages?.has(folder) === true || builtFolders.some((pattern) => pattern.test(folder));
}

/** `archive`, `archive/` and `archive/index.html` all as `archive/`; the home page as `""`. */
function folderOf(path: string): string {
  const bare = path === "index.html" || path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
  return bare === "" || bare.endsWith("/") ? bare : `${bare}/`;
}

const segment = "[^/]+";
const laterPage = "page/(?:[2-9]|[1-9]\\d+)/"; // page 1 is the section's own URL
// Folders daylight writes whatever the posts: see site/paginate.ts, tag-pages.ts, archive.ts.
const builtFolders: readonly RegExp[] = [
  new RegExp(`^${laterPage}$`),
  /^archive\/$/,
  /^tags\/$/,
  new RegExp(`^tags/${segment}/(?:${laterPage})?$`),
];
const tagFeed = new RegExp(`^tags/${segment}/(?:${Object.values(feedFiles).map((f) => f.replace(".", "\\.")).join("|")})$`);
