/**
 * `"externalPaths"`: URL path prefixes on the site's own host that this build does not own
 * (`/docs/`, `/api/`): links there are neither checked nor rewritten.
 */

/** What is wrong with one entry (undefined when it is fine). */
export function externalPathProblem(entry: unknown): string | undefined {
  if (typeof entry !== "string") return "must be a path on the site's host, like \"/docs/\"";
  if (!entry.startsWith("/") || entry.startsWith("//")) return `has "${entry}", which does not start with a single "/" (write it from the host's root, like "/docs/")`;
  if (/[?#\s]/.test(entry)) return `has "${entry}": a path prefix has no ?query, #fragment or space`;
  return undefined;
}

/** The first problem of a whole `"externalPaths"` value, for the config's checker. */
export function externalPathsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a list of path prefixes, like ["/docs/", "/api/"]';
  for (const entry of value) {
    const problem = externalPathProblem(entry);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * True when the host path `path` (`/docs/intro`, no query or fragment) lies under one of
 * `prefixes`. A prefix ending in `/` also covers the folder's own path without it
 * (`/docs/` covers `/docs`); other prefixes are plain string prefixes (`/api` covers `/api-v2`).
 */
export function isExternalPath(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => path.startsWith(prefix) || (prefix.endsWith("/") && path === prefix.slice(0, -1)));
}

/** isExternalPath for a URL as written in a post: only root-relative ones (`/docs/x?y#z`) can be. */
export function isExternalUrl(url: string, prefixes: readonly string[]): boolean {
  if (prefixes.length === 0 || !url.startsWith("/") || url.startsWith("//")) return false;
  const cut = url.search(/[?#]/);
  return isExternalPath(cut === -1 ? url : url.slice(0, cut), prefixes);
}
