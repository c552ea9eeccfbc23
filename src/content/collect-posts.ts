import { error, type Diagnostic, type Position } from "../diagnostics.js";
import type { BuildOptions } from "../config/site-config.js";
import type { Post } from "../model.js";

/**
 * Checks that slugs are unique across all parsed posts (drafts and future posts too: a slug
 * is a post's identity whatever the flags), then keeps the posts this build publishes,
 * newest first.
 */
export function collectPosts(parsed: readonly Post[], options: BuildOptions): { posts: Post[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, Post>();
  const unique: Post[] = [];
  for (const post of [...parsed].sort((a, b) => compareText(a.source.path, b.source.path))) {
    const first = owners.get(post.meta.slug);
    if (first) {
      diagnostics.push(duplicateSlug(post, first));
      continue;
    }
    owners.set(post.meta.slug, post);
    unique.push(post);
  }
  const posts = unique.filter((post) => isPublished(post, options)).sort(newestFirst);
  return { posts, diagnostics };
}

function isPublished(post: Post, options: BuildOptions): boolean {
  if (post.meta.draft && !options.drafts) return false;
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
    slugPosition(post), `give ${post.source.path} or ${first.source.path} another slug: both would be /posts/${slug}/`);
}

/** The line of the `slug` key in the header, or 1:1 when the slug comes from the file name. */
function slugPosition(post: Post): Position {
  const pattern = post.format === "bang" ? /^(\uFEFF?!![ \t]*slug[ \t]*:[ \t]*)/im : /^(\uFEFF?["']?slug["']?[ \t]*:[ \t]*)/im;
  const headerEnd = firstBodyOffset(post);
  const match = pattern.exec(post.source.text.slice(0, headerEnd));
  if (!match) return { line: 1, column: 1 };
  const before = post.source.text.slice(0, match.index);
  const line = before.split("\n").length;
  return { line, column: (match[1] ?? "").replace("\uFEFF", "").length + 1 };
}

/** The header is where the body has been blanked: the first non-space character ends it. */
function firstBodyOffset(post: Post): number {
  const offset = post.body.search(/[^\s]/);
  return offset === -1 ? post.body.length : offset;
}
