import { posix } from "node:path";
import type { AssetInfo } from "../model.js";
import { isExternalUrl } from "../config/external-paths.js";
import { nearestSlug } from "../content/nearest-slug.js";
import { parsePostLink } from "./parse-post-link.js";
import { resolvePermalinkLink } from "./resolve-permalink-link.js";
import type { RenderContext } from "./render-context.js";
import { isSiteRoute } from "../urls/site-route.js";

/**
 * What a URL in a post turned out to be, and the URL it is rewritten to. Only a URL that
 * resolves (a post, a file, a page or file the build writes) is rewritten: `unresolved` and
 * `missing` ones stay exactly as written, and the output check judges them where they land.
 */
export type LocalUrl =
  | { readonly kind: "external" }
  | { readonly kind: "unresolved" }
  | { readonly kind: "post"; readonly url: string; readonly slug: string; readonly fragment: string | undefined; readonly known: boolean; readonly suggestion: string | undefined; readonly written?: string }
  | { readonly kind: "asset"; readonly url: string; readonly key: string; readonly asset: AssetInfo }
  | { readonly kind: "page"; readonly url: string }
  | { readonly kind: "missing"; readonly looked: readonly string[] };

// Scheme (`https:`, `mailto:`, `data:`…), protocol-relative `//`, fragment-only and query-only URLs stay as written.
const NOT_LOCAL = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/|#|\?|$)/;

/** Classifies `url`, written in the post at `postPath`, and computes its URL on the built site. */
export function resolveLocalUrl(url: string, postPath: string, context: RenderContext): LocalUrl {
  if (NOT_LOCAL.test(url.trim()) || isExternalUrl(url, context.config.externalPaths)) return { kind: "external" };
  const post = parsePostLink(url);
  if (post) {
    const target = context.links.posts.get(post.slug);
    const suffix = post.query + (post.fragment === undefined ? "" : `#${post.fragment}`);
    const base = target ? target.url : `${context.config.basePath}posts/${post.slug}/`;
    const suggestion = target ? undefined : nearestSlug(post.slug, context.links.posts.keys());
    return { kind: "post", url: base + suffix, slug: post.slug, fragment: post.fragment, known: !!target, suggestion };
  }
  return resolveFileUrl(url, postPath, context);
}

function resolveFileUrl(url: string, postPath: string, context: RenderContext): LocalUrl {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const suffix = cut === -1 ? "" : url.slice(cut);
  const decoded = decodePath(path);
  const looked: string[] = [];
  if (!decoded.startsWith("/")) {
    const besidePost = posix.join(posix.dirname(postPath), decoded);
    looked.push(besidePost);
    const found = context.assets.get(besidePost);
    if (found !== undefined) return { kind: "asset", url: found.url + suffix, key: besidePost, asset: found };
  }
  const fromRoot = posix.normalize(decoded.replace(/^\/+/, "") || ".");
  if (fromRoot === ".." || fromRoot.startsWith("../")) return { kind: "missing", looked };
  const publicKey = posix.join("public", fromRoot);
  looked.push(publicKey);
  const found = context.assets.get(publicKey);
  if (found !== undefined) return { kind: "asset", url: found.url + suffix, key: publicKey, asset: found };
  const rootPath = posix.normalize(path.replace(/^\/+/, "") || "."); // keeps a trailing "/"
  const routePath = /^\.\/?$/.test(rootPath) ? "" : rootPath;
  if (isSiteRoute(routePath, context)) return { kind: "page", url: context.config.basePath + routePath + suffix };
  const withBase = withBasePath(url, path, postPath, context);
  if (withBase) return withBase;
  const permalink = resolvePermalinkLink(path, suffix, context.config, context.links);
  if (permalink) {
    const { slug, fragment, known } = permalink;
    // A broken one stays as written; its hint is the nearest post's URL.
    return known ? { kind: "post", url: `${permalink.url ?? path}${suffix}`, slug, fragment, known, suggestion: undefined }
      : { kind: "post", url, slug, fragment, known, suggestion: permalink.url, written: path };
  }
  // A path with a file extension names a file: that it is nowhere is worth a word here. Any
  // other (`foo`, `/docs/`) may be a page of another site on the domain: the output check says.
  return hasExtension(path) ? { kind: "missing", looked } : { kind: "unresolved" };
}

/** `/blog/images/x.png` on a site at `/blog/`: written with the base path already, it names what `/images/x.png` names. */
function withBasePath(url: string, path: string, postPath: string, context: RenderContext): LocalUrl | undefined {
  const base = context.config.basePath;
  if (base === "/" || !path.startsWith(base)) return undefined;
  const inner = resolveFileUrl(url.slice(base.length - 1), postPath, context);
  return inner.kind === "asset" || inner.kind === "page" ? inner : undefined;
}

function hasExtension(path: string): boolean {
  if (path.endsWith("/")) return false;
  const last = path.slice(path.lastIndexOf("/") + 1);
  return /\.[A-Za-z0-9]+$/.test(last);
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
