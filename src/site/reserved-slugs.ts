import { headerKeyPosition } from "../content/header-key-position.js";
import { example } from "../content/post-fields.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { SiteConfig } from "../config/site-config.js";
import type { Rendering } from "../model.js";

/**
 * Top-level folders daylight writes itself. Files (`feed.xml`, `404.html`…) cannot clash:
 * a slug has no `.`. `/search/` is daylight's only when the site has search.
 */
const alwaysReserved = ["archive", "assets", "page", "posts", "tags"];

/** The slugs that daylight's own folders take on this site. */
export function reservedSlugsOf(config: Pick<SiteConfig, "search">): ReadonlySet<string> {
  return new Set(config.search ? [...alwaysReserved, "search"] : alwaysReserved);
}

/** Splits pages into those that may be written and a `reserved-slug` error for each that may not. */
export function checkPageSlugs<T extends Pick<Rendering, "post">>(pages: readonly T[], config: Pick<SiteConfig, "search">): { pages: T[]; diagnostics: Diagnostic[] } {
  const reservedSlugs = reservedSlugsOf(config);
  const allowed: T[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    const { slug } = page.post.meta;
    if (!reservedSlugs.has(slug)) {
      allowed.push(page);
      continue;
    }
    diagnostics.push(error("reserved-slug", `the page slug \`${slug}\` is taken by daylight's own /${slug}/`,
      page.post.source.path, headerKeyPosition(page.post, "slug"),
      `give the page another slug, e.g. ${example(page.post.format, "slug", `my-${slug}`)}`));
  }
  return { pages: allowed, diagnostics };
}
