import type { Post } from "../model.js";

/**
 * The paths below the base path (`about/`) of the standalone pages, for the render context:
 * a post's link to `/about/` is then known to name a page of the site. Sorted, so that the
 * set (and the render cache key made from it) does not depend on the order pages were read.
 */
export function pagePathsOf(pages: readonly Post[], basePath: string): ReadonlySet<string> {
  const paths = pages.map((page) => page.url).filter((url) => url.startsWith(basePath)).map((url) => url.slice(basePath.length));
  return new Set(paths.sort());
}
