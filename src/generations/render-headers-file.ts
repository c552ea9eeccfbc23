import { warning, type Diagnostic } from "../diagnostics.js";
import { cacheClassOf, immutableFolder } from "./cache-class-of.js";
import { hasUnsafeCharacter } from "./unsafe-file-names.js";

export const immutableCache = "public, max-age=31536000, immutable";
export const revalidateCache = "public, max-age=0, must-revalidate";
/** A 404 answers for a page that may appear a moment later (mid-deploy): no cache may keep it. */
export const notFoundCache = "no-store";

/** Cloudflare Pages reads at most 100 `_headers` rules; daylight stays well inside. */
export const headerRuleLimit = 100;

/** Files a host reads as configuration and never serves. */
export const hostFiles: ReadonlySet<string> = new Set(["_headers", "_redirects"]);

/** The `_headers` text and warnings about files whose names break the cache policy. */
export interface HeadersFile {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `_headers` (Netlify / Cloudflare Pages). Both hosts merge the values of every rule that
 * matches a path, so no two rules may set Cache-Control on the same path: instead of a
 * catch-all `/*`, one rule per top-level entry of the output besides `assets/` (`/`,
 * `/posts/*`, `/feed.xml`…). Past the host's rule limit those rules are left out: both
 * hosts already send `public, max-age=0, must-revalidate` by default.
 */
export function renderHeadersFile(paths: readonly string[], basePath: string): HeadersFile {
  const entries = topLevelEntries(paths);
  const rule = (pattern: string, value: string) => `${basePath}${pattern}\n  Cache-Control: ${value}\n`;
  const rules = [
    "# Written by daylight: the cache policy (Netlify / Cloudflare Pages syntax).\n",
    "# Hashed names change whenever the bytes do: cache them for a year.\n",
    rule(`${immutableFolder}*`, immutableCache),
    "# Everything else keeps its name: revalidate on every use. The 404 page is never stored.\n",
  ];
  const named = entries.map((entry) =>
    rule(entry.folder ? `${entry.name}/*` : entry.name === "index.html" ? "" : entry.name,
      entry.name === "404.html" ? notFoundCache : revalidateCache));
  if (named.length + 2 <= headerRuleLimit) rules.push(...named);
  else rules.push(rule("404.html", notFoundCache));
  if (entries.some((entry) => entry.name === "index.html")) rules.push(rule("index.html", revalidateCache));
  return { text: rules.join(""), diagnostics: unhashedAssets(paths) };
}

interface Entry {
  readonly name: string;
  readonly folder: boolean;
}

function topLevelEntries(paths: readonly string[]): Entry[] {
  const entries = new Map<string, Entry>();
  for (const path of paths) {
    // A name with a line break would write rules of its own (host-files.ts reports it as an error).
    if (hostFiles.has(path) || path.startsWith(immutableFolder) || hasUnsafeCharacter(path)) continue;
    const slash = path.indexOf("/");
    const name = slash === -1 ? path : path.slice(0, slash);
    entries.set(name, { name, folder: slash !== -1 });
  }
  return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function unhashedAssets(paths: readonly string[]): Diagnostic[] {
  return paths
    .filter((path) => path.startsWith(immutableFolder) && cacheClassOf(path) === "revalidate")
    .sort()
    .map((path) =>
      warning("unhashed-asset", `${path} has no content hash in its name, but everything in ${immutableFolder} is served as cacheable for a year`,
        undefined, undefined, `move it out of public/${immutableFolder} (e.g. to public/files/), so that a changed file reaches returning visitors`));
}
