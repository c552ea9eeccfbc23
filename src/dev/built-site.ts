import type { SitePlugins } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import type { RenderedPost } from "../model.js";
import type { SiteSources } from "../read/read-site.js";
import { indexPosts, replacePost, type PostIndex } from "./post-index.js";

/**
 * What the last good whole build of the dev server leaves for the quick answer to the next
 * edit: the sources it read, the config it used, its posts in order and the rendering of
 * every post and page. Updated after each build by looking only at the renderings that
 * changed, so that keeping it costs no parsing or sorting of the unchanged posts.
 */
export interface BuiltSite {
  readonly sources: SiteSources;
  readonly config: SiteConfig;
  readonly plugins: SitePlugins | undefined;
  readonly index: PostIndex;
  /** Source path → the rendering the build used, for its posts and its pages. */
  readonly renders: ReadonlyMap<string, RenderedPost>;
  /** Slug → source paths of the posts and pages whose links name that slug. */
  readonly referrers: ReadonlyMap<string, ReadonlySet<string>>;
  /** The standalone pages' renderings: the site's navigation. */
  readonly pages: readonly RenderedPost[];
}

/** Beyond this many changed renderings, indexing from scratch is as cheap as patching. */
const patchLimit = 64;

/** The BuiltSite after a build that used `renders`; undefined when its posts cannot be indexed (a slug clash). */
export function nextBuiltSite(
  previous: BuiltSite | undefined,
  build: { sources: SiteSources; config: SiteConfig; plugins: SitePlugins | undefined; renders: ReadonlyMap<string, RenderedPost> },
): BuiltSite | undefined {
  const { renders } = build;
  const changed = previous === undefined ? [] : changedPaths(previous.renders, renders);
  if (previous === undefined || changed.length > patchLimit) {
    const index = indexPosts([...renders.values()].filter(isPost).map((r) => r.post));
    return index && { ...build, index, referrers: referrersOf(renders), pages: pagesOf(renders) };
  }
  let index: PostIndex | undefined = previous.index;
  // Copy on write: the previous BuiltSite's sets stay as they were.
  const referrers = new Map(previous.referrers);
  const copied = new Set<string>();
  const paths = (slug: string) => {
    if (!copied.has(slug)) referrers.set(slug, new Set(referrers.get(slug)));
    copied.add(slug);
    return referrers.get(slug) as Set<string>;
  };
  for (const path of changed) {
    const before = previous.renders.get(path);
    const after = renders.get(path);
    index = index && replacePost(index, path, after && isPost(after) ? after.post : undefined);
    if (before) for (const slug of linkedSlugs(before)) paths(slug).delete(path);
    if (after) for (const slug of linkedSlugs(after)) paths(slug).add(path);
  }
  for (const slug of copied) if (referrers.get(slug)?.size === 0) referrers.delete(slug);
  return index && { ...build, index, referrers, pages: pagesOf(renders) };
}

const isPost = (rendered: RenderedPost): boolean => rendered.post.kind === "post";
const pagesOf = (renders: ReadonlyMap<string, RenderedPost>) => [...renders.values()].filter((r) => !isPost(r));
const linkedSlugs = (rendered: RenderedPost): Set<string> => new Set(rendered.postLinks.map((link) => link.slug));

function referrersOf(renders: ReadonlyMap<string, RenderedPost>): Map<string, Set<string>> {
  const referrers = new Map<string, Set<string>>();
  for (const [path, rendered] of renders) {
    for (const slug of linkedSlugs(rendered)) referrers.set(slug, (referrers.get(slug) ?? new Set()).add(path));
  }
  return referrers;
}

/** Paths whose rendering is another object, is gone or is new. */
function changedPaths(before: ReadonlyMap<string, RenderedPost>, after: ReadonlyMap<string, RenderedPost>): string[] {
  const changed: string[] = [];
  for (const [path, rendered] of after) if (before.get(path) !== rendered) changed.push(path);
  for (const path of before.keys()) if (!after.has(path)) changed.push(path);
  return changed;
}
