import { collectPosts } from "../content/collect-posts.js";
import { buildLinkIndex, linkTargetOf } from "../content/link-index.js";
import type { LinkIndex, Post } from "../model.js";
import { overlayMap } from "./overlay-map.js";

/**
 * The posts of a dev build (which publishes drafts and future posts, so every post with a
 * unique slug), kept so that one edited post can be put in its place without looking at
 * the others: what the quick answer to an edit needs to know about the rest of the site.
 */
export interface PostIndex {
  /** Newest first: collectPosts' order. */
  readonly posts: readonly Post[];
  /** Source path → post. */
  readonly byPath: ReadonlyMap<string, Post>;
  /** Slug → source path of the post that has it. */
  readonly slugOwners: ReadonlyMap<string, string>;
  /** `buildLinkIndex(posts)`'s entries (after a replacement, not in its order: the index is looked up, or its keys sorted). */
  readonly links: LinkIndex;
  /** How many posts carry a tag: the site has tag pages (and a Tags link) when this is above 0. */
  readonly tagged: number;
}

// Dev builds publish everything; the order of collectPosts then depends on nothing else.
const devOptions = { drafts: true, future: true, strict: false, now: new Date(0) };

/** The index of `parsed` from scratch; undefined when two posts share a slug (the build has an error then). */
export function indexPosts(parsed: readonly Post[]): PostIndex | undefined {
  const { posts, diagnostics } = collectPosts(parsed, devOptions);
  if (diagnostics.length > 0) return undefined;
  return {
    posts,
    byPath: new Map(posts.map((post) => [post.source.path, post])),
    slugOwners: new Map(posts.map((post) => [post.meta.slug, post.source.path])),
    links: buildLinkIndex(posts),
    tagged: posts.filter(hasTags).length,
  };
}

/**
 * The index with the post at `path` replaced by `next` (added when it had none, removed when
 * `next` is undefined): equal to `indexPosts` of the changed set, without parsing or sorting
 * the others. Undefined when `next` takes another post's slug.
 */
export function replacePost(index: PostIndex, path: string, next: Post | undefined): PostIndex | undefined {
  const previous = index.byPath.get(path);
  if (next !== undefined) {
    if (next.source.path !== path) throw new Error(`replacePost: ${next.source.path} given for ${path}`);
    const owner = index.slugOwners.get(next.meta.slug);
    if (owner !== undefined && owner !== path) return undefined;
  }
  const posts = index.posts.slice();
  const at = previous === undefined ? -1 : posts.indexOf(previous);
  if (at !== -1) posts.splice(at, 1);
  if (next !== undefined) posts.splice(insertionPoint(posts, next), 0, next);
  // The maps are the old ones with one entry changed, not copies of thousands of entries.
  const slug = next?.meta.slug;
  const gone = previous !== undefined && previous.meta.slug !== slug ? [previous.meta.slug] : [];
  const entry = <V>(key: string | undefined, value: V | undefined) => new Map(key === undefined || value === undefined ? [] : [[key, value]]);
  return {
    posts,
    byPath: overlayMap(index.byPath, entry(path, next), next === undefined ? [path] : []),
    slugOwners: overlayMap(index.slugOwners, entry(slug, path), gone),
    links: { posts: overlayMap(index.links.posts, entry(slug, next && linkTargetOf(next)), gone) },
    tagged: index.tagged - (previous && hasTags(previous) ? 1 : 0) + (next && hasTags(next) ? 1 : 0),
  };
}

const hasTags = (post: Post): boolean => post.meta.tags.length > 0;

/** Where `post` goes in newest-first `posts` (binary search with collectPosts' order). */
function insertionPoint(posts: readonly Post[], post: Post): number {
  let low = 0;
  let high = posts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(posts[middle] as Post, post) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** collectPosts' order: newest first, an undated draft newest of all, ties by slug. */
function newestFirst(a: Post, b: Post): number {
  const time = (p: Post) => p.meta.published?.getTime() ?? Infinity;
  return time(b) - time(a) || (a.meta.slug < b.meta.slug ? -1 : a.meta.slug > b.meta.slug ? 1 : 0);
}
