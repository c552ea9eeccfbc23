import { isExternalPath } from "../config/external-paths.js";

/** Where a site is served: `https://example.com` and `/blog/` for `https://example.com/blog/`. */
export interface SiteBase {
  /** Lowercase scheme-less host and port: `example.com`, `localhost:8080`. */
  readonly host: string;
  /** The base path, with leading and trailing `/`. */
  readonly path: string;
  /** Path prefixes on the host that the site does not own (config `externalPaths`): "outside" like paths beyond the base path. */
  readonly external?: readonly string[] | undefined;
}

/** What a reference points at. */
export type Resolution =
  /** Another site, another scheme (`mailto:`, `data:`), or nothing to check (an empty URL). */
  | { readonly kind: "external" }
  /** A path on this host outside the base path, or under one of its external paths: not part of this build. */
  | { readonly kind: "outside"; readonly path: string }
  /** A URL that cannot name a file (bad percent-encoding, `..` above the root). */
  | { readonly kind: "invalid"; readonly reason: string }
  /** Inside the site: `path` is output-relative and decoded; "" or `x/` name a folder's index. */
  | { readonly kind: "internal"; readonly path: string; readonly fragment: string | undefined };

/** The SiteBase of an absolute site URL, or undefined when it is not one. */
export function siteBaseOf(url: string): SiteBase | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  const path = parsed.pathname.endsWith("/") ? parsed.pathname : `${parsed.pathname}/`;
  return { host: parsed.host.toLowerCase(), path };
}

const schemePattern = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/**
 * Resolves `raw` as a browser would from the page at output path `from` (`posts/a/index.html`):
 * relative and root-relative URLs, and absolute ones on the site's own host (either
 * scheme). The query is dropped; the path is percent-decoded.
 */
export function resolveReference(raw: string, from: string, base: SiteBase, absoluteOnly = false): Resolution {
  const url = raw.trim();
  if (url === "") return { kind: "external" };
  let path: string;
  if (schemePattern.test(url) || url.startsWith("//")) {
    const onSite = sameSitePath(url, base);
    if (onSite === undefined) return { kind: "external" };
    path = onSite;
  } else if (absoluteOnly) {
    return { kind: "external" };
  } else if (url.startsWith("#")) {
    return { kind: "internal", path: from, fragment: decodeFragment(url.slice(1)) };
  } else if (url.startsWith("?")) {
    path = base.path + from + url;
  } else {
    path = url.startsWith("/") ? url : base.path + from.slice(0, from.lastIndexOf("/") + 1) + url;
  }
  const hash = path.indexOf("#");
  const fragment = hash === -1 ? undefined : decodeFragment(path.slice(hash + 1));
  if (hash !== -1) path = path.slice(0, hash);
  const query = path.indexOf("?");
  if (query !== -1) path = path.slice(0, query);
  const normal = removeDotSegments(path);
  if (normal === undefined) return { kind: "invalid", reason: "it climbs above the site root with `..`" };
  if (base.external && isExternalPath(normal, base.external)) return { kind: "outside", path: normal };
  if (!normal.startsWith(base.path)) {
    return `${normal}/` === base.path ? { kind: "internal", path: "", fragment } : { kind: "outside", path: normal };
  }
  const decoded = decodePath(normal.slice(base.path.length));
  if (decoded === undefined) return { kind: "invalid", reason: "its percent-encoding is invalid" };
  return { kind: "internal", path: decoded, fragment };
}

/** The path (with query and fragment) of an absolute URL on the site's host, else undefined. */
function sameSitePath(url: string, base: SiteBase): string | undefined {
  const scheme = /^(https?:)?\/\//i.exec(url);
  if (!scheme) return undefined;
  // Most absolute URLs are links to other sites: compare the host before paying for a URL parse.
  const hostEnd = url.slice(scheme[0].length).search(/[/?#]/);
  const host = hostEnd === -1 ? url.slice(scheme[0].length) : url.slice(scheme[0].length, scheme[0].length + hostEnd);
  if (host.toLowerCase() !== base.host && !host.includes("@") && !host.includes("%")) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith("//") ? `https:${url}` : url);
  } catch {
    return undefined;
  }
  if (parsed.host.toLowerCase() !== base.host) return undefined;
  return parsed.pathname + parsed.search + parsed.hash;
}

/** RFC 3986 dot-segment removal; undefined when `..` would climb above `/`. */
function removeDotSegments(path: string): string | undefined {
  if (!path.includes(".")) return path;
  const segments = path.split("/");
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === ".") {
      if (last) out.push("");
    } else if (segment === "..") {
      if (out.length <= 1) return undefined;
      out.pop();
      if (last) out.push("");
    } else out.push(segment);
  }
  return out.join("/");
}

function decodePath(path: string): string | undefined {
  if (!path.includes("%")) return path;
  try {
    const decoded = decodeURIComponent(path);
    // An encoded `/` or NUL would name a different file than the server sees.
    return /%(2f|00)/i.test(path) ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
