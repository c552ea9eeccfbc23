/**
 * Three spellings of one page: a site path as users write it in aliases and config
 * (`/old/`, from the site's root), its URL path on the host (`/blog/old/`, base path
 * included: the ledger's key) and its output file (`old/index.html`).
 */

/** `/old/` → `/blog/old/` under the base path `/blog/`. */
export const siteToUrlPath = (sitePath: string, basePath: string): string => basePath + sitePath.replace(/^\/+/, "");

/** `/blog/old/` → `/old/`; undefined when the URL path is outside the base path. */
export const urlToSitePath = (urlPath: string, basePath: string): string | undefined =>
  urlPath.startsWith(basePath) ? "/" + urlPath.slice(basePath.length) : undefined;

/** `/blog/old/` → `old/index.html`, `/blog/old.html` → `old.html`; undefined outside the base path. */
export function urlToOutputPath(urlPath: string, basePath: string): string | undefined {
  const site = urlToSitePath(urlPath, basePath);
  if (site === undefined) return undefined;
  const relative = site.slice(1);
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Answers "does the output already have something at this path?", a file there or a folder it would need. */
export interface OutputSpace {
  occupied(path: string): boolean;
}

/** An OutputSpace over `paths`: a path is taken when it is a file, a folder of files, or sits below a file. */
export function outputSpace(paths: Iterable<string>): OutputSpace {
  const files = new Set(paths);
  const folders = new Set<string>();
  for (const path of files) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) folders.add(path.slice(0, i));
  }
  return {
    occupied(path) {
      if (files.has(path) || folders.has(path)) return true;
      for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) if (files.has(path.slice(0, i))) return true;
      return false;
    },
  };
}
