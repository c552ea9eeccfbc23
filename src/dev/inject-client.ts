/** Where the dev server serves its own files; no built file can live here (its name starts with "__"). */
export const reservedPrefix = "/__daylight/";
export const clientPath = `${reservedPrefix}client.js`;
export const idiomorphPath = `${reservedPrefix}idiomorph.js`;
export const eventsPath = `${reservedPrefix}events`;

const tag = `<script type="module" src="${clientPath}"></script>`;

/**
 * The page with the live-reload client added before its last `</body>` (or at the end).
 * Only responses get it: the built files themselves never contain it.
 */
export function injectClient(html: string): string {
  const at = html.toLowerCase().lastIndexOf("</body>");
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
