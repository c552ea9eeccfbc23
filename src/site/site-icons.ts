/** A `<link>` to an icon of the site: the favicon, the home-screen icon. */
export interface IconLink {
  /** `icon` or `apple-touch-icon`. */
  readonly rel: string;
  /** The MIME type, so that a browser skips formats it cannot show; null when none helps. */
  readonly type: string | null;
  /** Site-absolute URL, base path included: `/blog/favicon.svg`. */
  readonly url: string;
}

// The files a site puts in public/ by these conventional names, in link order: a browser that
// reads several takes the last one it can show, so the scalable SVG comes after the bitmaps.
const icons: readonly { path: string; rel: string; type: string | null }[] = [
  { path: "favicon.ico", rel: "icon", type: "image/x-icon" },
  { path: "favicon.png", rel: "icon", type: "image/png" },
  { path: "favicon.svg", rel: "icon", type: "image/svg+xml" },
  { path: "apple-touch-icon.png", rel: "apple-touch-icon", type: null },
];

/**
 * The icons to link from every page's head, from the output paths of public/'s files. Linked
 * rather than left for the browser to guess: it asks for /favicon.ico at the domain root,
 * which under a base path is not the site's, and which a site with only an SVG has not got.
 */
export function siteIcons(publicPaths: ReadonlySet<string>, basePath: string): IconLink[] {
  return icons.filter((icon) => publicPaths.has(icon.path)).map(({ path, rel, type }) => ({ rel, type, url: basePath + path }));
}
