import type { SitePlugins } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import { buildLinkIndex } from "../content/link-index.js";
import type { LinkIndex, Post, RenderedPost } from "../model.js";
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
  readonly renders: ReadonlyMap<string, RenderedPost>;
  /** The standalone pages' renderings. */
  readonly pages: readonly RenderedPost[];
  /** The build's link index (buildLinkIndex of its posts). */
  readonly links: LinkIndex;
  /** Slug → the posts and pages whose links name it. */
  readonly linking: ReadonlyMap<string, readonly RenderedPost[]>;
  /** How many posts have tags: the site has tag pages (and a Tags link) when this is above 0. */
  readonly tagged: number;
}

/**
 * The BuiltSite of a good build: `rendered` is what it rendered, its posts first in its
 * order, then its pages (BuildResult.rendered). One pass over them, after the build.
 */
export function builtSiteOf(
  build: { sources: SiteSources; config: SiteConfig; plugins: SitePlugins | undefined },
  rendered: readonly RenderedPost[],
): BuiltSite {
  const posts = rendered.filter((r) => r.post.kind === "post").map((r) => r.post);
  return {
    ...build,
    posts,
    renders: new Map(rendered.map((r) => [r.post.source.path, r])),
    pages: rendered.filter((r) => r.post.kind === "page"),
    links: buildLinkIndex(posts),
    linking: linkingOf(rendered),
    tagged: posts.filter((post) => post.meta.tags.length > 0).length,
  };
}

function linkingOf(rendered: readonly RenderedPost[]): Map<string, RenderedPost[]> {
  const linking = new Map<string, RenderedPost[]>();
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
