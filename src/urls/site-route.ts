import { normalizeAlias } from "./normalize-alias.js";
import { memoizeByIdentity } from "../memo/identity-memo.js";
import { feedFiles, generatedRootFiles } from "./generated-files.js";

/**
 * Whether `path` (a URL path below the site's base path, without its leading `/`: `""`,
 * `archive/`, `tags/go/page/2/`, `feed.xml`, `about/`) names a page or file this build
 * writes besides posts and copied files: the home page and its pages, the archive, the tag
 * pages and their feeds, the root files every build writes (feeds, sitemap, robots.txt,
 * 404.html), the standalone pages (`context.pages`: `about/`) and the redirect pages of the
 * config's `redirects`. A folder may be named with or without its trailing `/` or
 * `index.html`, as a static host serves all three.
 */
export function isSiteRoute(path: string, context: { readonly config: RouteConfig; readonly pages?: ReadonlySet<string> | undefined }): boolean {
  if (generatedRootFiles.has(path) || tagFeed.test(path) || redirectSources(context.config).has(path)) return true;
  const folder = folderOf(path);
  if (folder === "" || context.pages?.has(folder) === true || redirectSources(context.config).has(folder)) return true;
  return builtFolders.some((pattern) => pattern.test(folder));
}

/** What of the site's config (a SiteConfig) its routes depend on. */
interface RouteConfig {
  readonly url: string | undefined;
  readonly redirects: Readonly<Record<string, string>>;
}

/**
 * The paths below the base path (`old-post/`, `old.html`) that `config.redirects` writes a
 * redirect page at. Asked twice for every local link that is no file; made once per config:
 * with 200 redirects, making it took 208 µs of CPU each time.
 */
const redirectSources = memoizeByIdentity((config: RouteConfig): ReadonlySet<string> => new Set(
  Object.keys(config.redirects).flatMap((key) => normalizeAlias(key, config.url)?.slice(1) ?? []),
));

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
