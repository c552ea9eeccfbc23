import { error, type Diagnostic } from "../diagnostics.js";
import { headerKeyPosition } from "./header-key-position.js";
import type { BuildOptions } from "../config/site-config.js";
import type { Post } from "../model.js";

/**
 * Checks that slugs are unique across all parsed posts (drafts and future posts too: a slug
 * is a post's identity whatever the flags), then keeps the posts this build publishes,
 * newest first. Works for pages too (call it once per kind): they skip the future-date
 * filter, and only `draft: true` hides them.
 */
export function collectPosts(parsed: readonly Post[], options: BuildOptions): { posts: Post[]; diagnostics: Diagnostic[] } {
  // A slug belongs to the post whose path comes first. Found in one pass rather than by sorting
  // every path: the dev server collects the posts again on each save, already almost in order.
  const owners = new Map<string, Post>();
  const duplicates: Post[] = [];
  for (const post of parsed) {
    const owner = owners.get(post.meta.slug);
    if (owner !== undefined && compareText(owner.source.path, post.source.path) <= 0) duplicates.push(post);
    else {
      if (owner !== undefined) duplicates.push(owner);
      owners.set(post.meta.slug, post);
    }
  }
  const diagnostics = duplicates
    .sort((a, b) => compareText(a.source.path, b.source.path))
    .map((post) => duplicateSlug(post, owners.get(post.meta.slug) as Post));
  const posts = [...owners.values()].filter((post) => isPublished(post, options)).sort(newestFirst);
  return { posts, diagnostics };
}

/**
 * Where `post` goes among `posts` — collectPosts' result with the same options, without
 * `post` and without its slug — so that the list with it is what collectPosts would give:
 * its index, or undefined when these options do not publish it. A binary search, not a
 * sort: the dev server places one edited post among thousands on each save.
 */
export function placePost(posts: readonly Post[], post: Post, options: BuildOptions): number | undefined {
  if (!isPublished(post, options)) return undefined;
  let low = 0;
  let high = posts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(posts[middle] as Post, post) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isPublished(post: Post, options: BuildOptions): boolean {
  if (post.meta.draft && !options.drafts) return false;
  // A page is not dated content: a `published` date, if any, does not schedule it.
  if (post.kind === "page") return true;
  const published = post.meta.published;
  return options.future || published === undefined || published.getTime() <= options.now.getTime();
}

/** Newest first; a draft without a date counts as newest; ties by slug for a stable order. */
function newestFirst(a: Post, b: Post): number {
  const time = (p: Post) => p.meta.published?.getTime() ?? Infinity;
  return time(b) - time(a) || compareText(a.meta.slug, b.meta.slug);
}

/** Code-unit order: the same on every machine, whatever the locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function duplicateSlug(post: Post, first: Post): Diagnostic {
  const { slug } = post.meta;
  return error("duplicate-slug", `the slug \`${slug}\` is already used by ${first.source.path}`, post.source.path,
    headerKeyPosition(post, "slug"), post.url === first.url
      ? `give ${post.source.path} or ${first.source.path} another slug: both would be ${post.url}`
      // Different sections of a permalink pattern: a slug still names one post (`./posts/<slug>`).
      : `give ${post.source.path} or ${first.source.path} another slug: a slug names one post site-wide, whatever its folder`);
}
