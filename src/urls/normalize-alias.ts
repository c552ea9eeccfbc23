import { generatedRootFiles, manifestPath } from "./generated-files.js";

/**
 * An old URL of a post as a site-relative path (`/2019/03/old-name/`, `/old.html`), or
 * undefined when it cannot be one: the site root, `.`/`..` segments, backslashes, spaces.
 * Absolute URLs keep their path, minus the site's base path when they are under `siteUrl`.
 */
export function normalizeAlias(alias: string, siteUrl: string | undefined): string | undefined {
  const path = aliasPath(alias.trim(), siteUrl);
  if (path === undefined || /[\\\s\u0000-\u001f\u007f]/.test(path)) return undefined;
  const segments = path.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s === "." || s === "..")) return undefined;
  const last = segments.at(-1) ?? "";
  // `/old.html` names a file; anything else is a folder served by its index.html.
  return "/" + segments.join("/") + (/\.[A-Za-z0-9]+$/.test(last) ? "" : "/");
}

function aliasPath(alias: string, siteUrl: string | undefined): string | undefined {
  if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(alias)) return alias.replace(/[?#].*$/, "");
  let url: URL;
  try {
    url = new URL(alias, "https://example.invalid/");
  } catch {
    return undefined;
  }
  const base = siteUrl ? new URL(siteUrl) : undefined;
  if (base && url.host === base.host && url.pathname.startsWith(base.pathname)) {
    return decodePath(url.pathname.slice(base.pathname.length - 1));
  }
  return decodePath(url.pathname);
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Files the build writes at the site root besides pages: an old URL may not take their place. */
const ownFiles: ReadonlySet<string> = new Set([...generatedRootFiles, manifestPath, "_headers", "_redirects", "index.html"]);

/**
 * The file daylight writes itself that a site path (`/feed.xml`, `/_redirects/x/`) would
 * replace or need as a folder, or undefined: a redirect stub there would overwrite the feed,
 * the manifest or the host's rules.
 */
export function generatedFileAt(sitePath: string): string | undefined {
  const first = sitePath.replace(/^\/+/, "").split("/")[0] ?? "";
  return ownFiles.has(first) ? first : undefined;
}
