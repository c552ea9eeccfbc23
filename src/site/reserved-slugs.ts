import { headerKeyPosition } from "../content/header-key-position.js";
import { example } from "../content/post-fields.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { RenderedPost } from "../model.js";

/**
 * Top-level folders daylight writes itself. Files (`feed.xml`, `404.html`…) cannot clash:
 * a slug has no `.`.
 */
export const reservedSlugs: ReadonlySet<string> = new Set(["archive", "assets", "page", "posts", "search", "tags"]);

/** Splits pages into those that may be written and a `reserved-slug` error for each that may not. */
export function checkPageSlugs(pages: readonly RenderedPost[]): { pages: RenderedPost[]; diagnostics: Diagnostic[] } {
  const allowed: RenderedPost[] = [];
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
