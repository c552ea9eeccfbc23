import type { Resource } from "../../model.js";

/**
 * A post's Resources list as HTML, shaped like the default theme's partial: its own
 * `<section id="resources">`, one `<li id="resource-N">` per entry. Feeds use it, where no
 * template runs.
 */
export function renderResourcesHtml(resources: readonly Resource[], heading: string | undefined): string {
  if (resources.length === 0) return "";
  const items = resources.map((r) => `<li id="resource-${r.n}">${resourceText(r)}</li>`).join("\n");
  return `<section id="resources">\n<h2>${escapeHtml(heading ?? "Resources")}</h2>\n<ol>\n${items}\n</ol>\n</section>`;
}

function resourceText(resource: Resource): string {
  const title = escapeHtml(resource.title);
  const linked = resource.url === undefined ? title : `<a href="${escapeHtml(resource.url)}">${title}</a>`;
  return resource.author === undefined ? linked : `${escapeHtml(resource.author)} – ${linked}`;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
