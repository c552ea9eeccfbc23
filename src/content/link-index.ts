import type { LinkIndex, LinkTarget, Post } from "../model.js";

/** slug → where a post link goes, for every post of the build. */
export function buildLinkIndex(posts: readonly Post[]): LinkIndex {
  const entries = new Map<string, LinkTarget>();
  for (const post of posts) {
    const { slug, title } = post.meta;
    if (!entries.has(slug)) entries.set(slug, { slug, url: post.url, title });
  }
  return { posts: entries };
}
