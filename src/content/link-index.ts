import type { LinkIndex, LinkTarget, Post } from "../model.js";

/** Where a post link to `post` goes. */
const linkTargetOf = (post: Post): LinkTarget => ({ slug: post.meta.slug, url: post.url });

/** slug → where a post link goes, for every post of the build. */
export function buildLinkIndex(posts: readonly Post[]): LinkIndex {
  const entries = new Map<string, LinkTarget>();
  for (const post of posts) {
    if (!entries.has(post.meta.slug)) entries.set(post.meta.slug, linkTargetOf(post));
  }
  return { posts: entries };
}

/**
 * `links` with the entry of `previous` (a post of the index, if any) replaced by that of
 * `next`: the index of the posts with one edited, made by copying the map rather than going
 * through every post again (the dev server's quick answer to an edit). Undefined when another
 * post of the index has `next`'s slug (a duplicate slug, which the build reports). Its
 * entries are not in buildLinkIndex's order: its users look slugs up, or sort them.
 */
export function replaceInLinkIndex(links: LinkIndex, previous: Post | undefined, next: Post): LinkIndex | undefined {
  const slug = previous?.meta.slug;
  if (next.meta.slug !== slug && links.posts.has(next.meta.slug)) return undefined;
  const posts = new Map(links.posts);
  if (slug !== undefined) posts.delete(slug);
  return { posts: posts.set(next.meta.slug, linkTargetOf(next)) };
}
