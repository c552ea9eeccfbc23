import type { ParkedRendering, RenderedPost } from "../model.js";

/**
 * The rendering with its HTML parked by `park` (the writer's spool, in a build to disk) and
 * the rest kept in memory: what the build works with until the pages are made.
 */
export function parkRendering(rendered: RenderedPost, park: (text: string) => () => string): ParkedRendering {
  const { html, ...facts } = rendered;
  return { ...facts, parkedHtml: { read: park(html) } };
}
