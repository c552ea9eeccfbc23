import { headerKeyPosition } from "../content/header-key-position.js";
import type { SiteConfig } from "../config/site-config.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { Rendering } from "../model.js";
import { reservedSlugsOf } from "./reserved-slugs.js";

/**
 * Splits posts into those that may be written and an error for each whose URL (made by the
 * `permalink` pattern: `/:slug/`, `/:section/:slug/`) lands in one of daylight's own folders
 * (`/archive/`, `/tags/<tag>/`, `/page/2/`) or on a page's URL: one positioned diagnostic
 * on the post, rather than two sources writing the same file.
 */
export function checkPostUrls<T extends Pick<Rendering, "post">>(
  posts: readonly T[],
  pages: readonly Pick<Rendering, "post">[],
  config: Pick<SiteConfig, "basePath" | "permalink" | "search">,
): { posts: T[]; diagnostics: Diagnostic[] } {
  // A pattern starting with a fixed folder (`/posts/`) keeps posts out of daylight's own.
  const free = !config.permalink.startsWith("/:");
  const reservedSlugs = reservedSlugsOf(config);
  const pageOwners = new Map(pages.map((page) => [page.post.url, page.post.source.path]));
  const allowed: T[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const rendered of posts) {
    const { post } = rendered;
    const page = pageOwners.get(post.url);
    const folder = free ? "" : post.url.slice(config.basePath.length).split("/")[0] ?? "";
    const taken = page !== undefined ? `the page ${page}` : !free && reservedSlugs.has(folder) ? `daylight's own /${folder}/` : undefined;
    if (taken === undefined) {
      allowed.push(rendered);
      continue;
    }
    const field = page === undefined && config.permalink.startsWith("/:section/") ? "its folder under posts/" : "another slug";
    diagnostics.push(error("reserved-slug", `the post's URL ${post.url} (permalink "${config.permalink}") is taken by ${taken}`,
      post.source.path, headerKeyPosition(post, "slug"), `give the post ${field}, or change "permalink" in site.config.json`));
  }
  return { posts: allowed, diagnostics };
}
