import type { SitePlugins } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import { buildLinkIndex } from "../content/link-index.js";
import type { LinkIndex, Post, Rendering } from "../model.js";
import type { SiteSources } from "../read/read-site.js";

/**
 * What the last good whole build of the dev server leaves for the quick answer to the next
 * edit: the sources it read, the config it used, and the parts of the site that only the
 * whole list of posts tells — their order, the link index, who links to whom, whether any
 * post has tags — so that an edit is answered from the edited post and a few others.
 */
export interface BuiltSite {
  readonly sources: SiteSources;
  readonly config: SiteConfig;
  readonly plugins: SitePlugins | undefined;
  /** The build's posts in its order (collectPosts', newest first). */
  readonly posts: readonly Post[];
  /** Source path → the rendering the build used, for its posts and its pages. */
  readonly renders: ReadonlyMap<string, Rendering>;
  /** The standalone pages' renderings. */
  readonly pages: readonly Rendering[];
  /** The build's link index (buildLinkIndex of its posts). */
  readonly links: LinkIndex;
  /** Slug → the posts and pages whose links name it. */
  readonly linking: ReadonlyMap<string, readonly Rendering[]>;
  /** How many posts have tags: the site has tag pages (and a Tags link) when this is above 0. */
  readonly tagged: number;
}

/**
 * The BuiltSite of a good build: `rendered` is what it rendered, its posts first in its
 * order, then its pages (BuildResult.rendered). Who links to whom is patched from the
 * `previous` one where only a few renderings changed (the render cache hands back the very
 * objects of the others), rather than gone over for every link of every post after each build.
 */
export function builtSiteOf(
  previous: BuiltSite | undefined,
  build: { sources: SiteSources; config: SiteConfig; plugins: SitePlugins | undefined },
  rendered: readonly Rendering[],
): BuiltSite {
  const posts = rendered.filter((r) => r.post.kind === "post").map((r) => r.post);
  const renders = new Map(rendered.map((r) => [r.post.source.path, r]));
  return {
    ...build,
    posts,
    renders,
    pages: rendered.filter((r) => r.post.kind === "page"),
    links: buildLinkIndex(posts),
    linking: previous === undefined ? linkingOf(rendered) : patchLinking(previous, renders) ?? linkingOf(rendered),
    tagged: posts.filter((post) => post.meta.tags.length > 0).length,
  };
}

/** Slug → the renderings whose links name it, each once. */
function linkingOf(rendered: Iterable<Rendering>): Map<string, Rendering[]> {
  const linking = new Map<string, Rendering[]>();
  for (const source of rendered) {
    for (const { slug } of source.postLinks) {
      const list = linking.get(slug);
      if (list === undefined) linking.set(slug, [source]);
      // A post naming a slug twice: it was the last one added to that list.
      else if (list.at(-1) !== source) list.push(source);
    }
  }
  return linking;
}

/** Beyond this many changed renderings, going over every link is as cheap as patching. */
const patchLimit = 64;

/** `previous.linking` with the renderings that changed since taken out and put back; undefined when too many did. */
function patchLinking(previous: BuiltSite, renders: ReadonlyMap<string, Rendering>): Map<string, readonly Rendering[]> | undefined {
  const changed: string[] = [];
  for (const [path, rendered] of renders) if (previous.renders.get(path) !== rendered) changed.push(path);
  for (const path of previous.renders.keys()) if (!renders.has(path)) changed.push(path);
  if (changed.length > patchLimit) return undefined;
  // The previous lists are never changed: a list that changes is a new one.
  const linking = new Map(previous.linking);
  for (const path of changed) {
    const before = previous.renders.get(path);
    const after = renders.get(path);
    for (const [slug, list] of before ? linkingOf([before]) : []) {
      const rest = (linking.get(slug) ?? []).filter((r) => r !== list[0]);
      if (rest.length > 0) linking.set(slug, rest);
      else linking.delete(slug);
    }
    for (const [slug] of after ? linkingOf([after]) : []) linking.set(slug, [...(linking.get(slug) ?? []), after as Rendering]);
  }
  return linking;
}
