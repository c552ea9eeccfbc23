import { nearestSlug } from "../content/nearest-slug.js";
import type { LinkIndex } from "../model.js";
import { permalinkMatcher } from "../urls/permalink.js";

/** A root link in the form of the site's permalink pattern, resolved (or not) to a post. */
export interface PermalinkLink {
  readonly slug: string;
  /** The post's URL when the link names it, else the nearest post's URL (for a hint), or undefined. */
  readonly url: string | undefined;
  readonly known: boolean;
  readonly fragment: string | undefined;
}

const matchers = new Map<string, RegExp>();

/**
 * Reads a root link (`/blog/release/v20`, `/what-is-x/`, with or without the base path)
 * written in the form of the `permalink` pattern: it names the post whose URL it is. A path
 * in that form that is no post's URL is a broken post link, like an unknown `./posts/<slug>`.
 * Undefined when the path is not in the pattern's form.
 */
export function resolvePermalinkLink(
  path: string,
  suffix: string,
  config: { readonly basePath: string; readonly permalink: string },
  links: LinkIndex,
): PermalinkLink | undefined {
  if (!path.startsWith("/")) return undefined;
  const { basePath } = config;
  const below = [
    ...(basePath !== "/" && path.startsWith(basePath) ? [path.slice(basePath.length)] : []),
    path.slice(1),
  ];
  const matcher = matcherFor(config.permalink);
  for (const candidate of below) {
    const slug = matcher.exec(candidate)?.groups?.["slug"];
    if (slug === undefined) continue;
    const fragment = /#(.+)$/.exec(suffix)?.[1];
    const target = links.posts.get(slug);
    const url = basePath + (candidate.endsWith("/") ? candidate : `${candidate}/`);
    if (target?.url === url) return { slug, url: target.url, known: true, fragment };
    const near = target ?? links.posts.get(nearestSlug(slug, links.posts.keys()) ?? "");
    return { slug, url: near?.url, known: false, fragment };
  }
  return undefined;
}

function matcherFor(pattern: string): RegExp {
  let matcher = matchers.get(pattern);
  if (matcher === undefined) {
    matcher = permalinkMatcher(pattern);
    matchers.set(pattern, matcher);
  }
  return matcher;
}
