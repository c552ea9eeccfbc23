import type { LinkIndex, LinkTarget, Post } from "../model.js";

/** Where a post link to `post` goes. */
export const linkTargetOf = (post: Post): LinkTarget => ({ slug: post.meta.slug, url: post.url, title: post.meta.title });

/** slug → where a post link goes, for every post of the build. */
export function buildLinkIndex(posts: readonly Post[]): LinkIndex {
  const entries = new Map<string, LinkTarget>();
  for (const post of posts) {
    if (!entries.has(post.meta.slug)) entries.set(post.meta.slug, linkTargetOf(post));
  }
  return { posts: entries };
}
