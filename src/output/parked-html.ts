import type { RenderedPost } from "../model.js";

/**
 * The rendering with its HTML parked (on disk, by `park`) and read back whenever `html` is
 * asked for. Pages are made only after every post is rendered (a page shows its backlinks):
 * held until then, 20,000 posts' HTML is some 400 MB. The rest of the rendering (headings,
 * links, digest) stays in memory; it is what the build works with in between.
 */
export function parkHtml(rendered: RenderedPost, park: (text: string) => () => string): RenderedPost {
  const read = park(rendered.html);
  const { html: _html, ...rest } = rendered;
  return Object.defineProperty(rest, "html", { get: read, enumerable: true }) as RenderedPost;
}
