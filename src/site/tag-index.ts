import { createHash } from "node:crypto";
import { slugify } from "../text/slugify.js";
import { headerKeyPosition } from "../content/header-key-position.js";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { Rendering } from "../model.js";
import { maxFeedCategories } from "./feeds/feed-items.js";

/** One tag of the site: every post that carries it (in any spelling that slugs the same). */
export interface Tag<T extends Pick<Rendering, "post"> = Rendering> {
  /** The spelling of the tag's oldest post: the name its pages show. */
  readonly name: string;
  /** Safe as a path segment: `tags/<slug>/`. */
  readonly slug: string;
  /** Newest first, in the order the posts were given. */
  readonly posts: readonly T[];
}

/**
 * The slug of a tag's page: the tag transliterated to ASCII (`Über Café` → `uber-cafe`). A tag
 * with nothing left (`日本語`) gets `tag-` and 8 hex digits of the SHA-256 of its lowercased
 * NFC form: stable across builds and machines, and the same for every spelling of one tag.
 */
export function tagSlug(name: string): string {
  let slug = tagSlugs.get(name);
  if (slug === undefined) {
    slug = slugify(name) || `tag-${createHash("sha256").update(name.normalize("NFC").toLowerCase().trim()).digest("hex").slice(0, 8)}`;
    // A site has a few dozen tags, asked for once per post per build: remember them (boundedly).
    if (tagSlugs.size >= 10_000) tagSlugs.clear();
    tagSlugs.set(name, slug);
  }
  return slug;
}

const tagSlugs = new Map<string, string>();

/**
 * Groups posts (newest first) by tag slug, tags sorted by name. Spellings that meet on one
 * slug (`DevOps`, `devops`, `dev ops`) are merged into one tag with a `tag-collision`
 * warning per extra spelling; only posts (not pages) are counted. It reads nothing of a
 * rendering but its post: the language server gives it posts alone.
 */
export function buildTagIndex<T extends Pick<Rendering, "post">>(posts: readonly T[], language: string): { tags: Tag<T>[]; diagnostics: Diagnostic[] } {
  type Group = { spellings: Map<string, T>; posts: T[] };
  const groups = new Map<string, Group>();
  // Oldest first, so that the first spelling met is the first by date.
  for (let i = posts.length - 1; i >= 0; i--) {
    const rendered = posts[i] as T;
    if (rendered.post.kind !== "post") continue;
    for (const name of rendered.post.meta.tags) {
      const slug = tagSlug(name);
      const group: Group = groups.get(slug) ?? { spellings: new Map(), posts: [] };
      groups.set(slug, group);
      if (!group.spellings.has(name)) group.spellings.set(name, rendered);
      if (group.posts.at(-1) !== rendered) group.posts.push(rendered);
    }
  }
  const diagnostics: Diagnostic[] = posts.filter((p) => p.post.kind === "post" && p.post.meta.tags.length > maxFeedCategories).map(manyTags);
  const tags: Tag<T>[] = [];
  for (const [slug, group] of groups) {
    const [first, ...others] = [...group.spellings];
    if (first === undefined) continue;
    for (const other of others) diagnostics.push(tagCollision(slug, first, other));
    tags.push({ name: first[0], slug, posts: group.posts.reverse() });
  }
  const collator = collatorFor(language);
  tags.sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { tags, diagnostics };
}

// Making a collator costs more than sorting a site's tags with it (the dev server's quick answer indexes tags on every save).
const collators = new Map<string, Intl.Collator>();
const collatorFor = (language: string): Intl.Collator => {
  let collator = collators.get(language);
  if (collator === undefined) collators.set(language, (collator = new Intl.Collator(language, { sensitivity: "base", numeric: true })));
  return collator;
};

function manyTags(post: Pick<Rendering, "post">): Diagnostic {
  return warning("many-tags", `the post has ${post.post.meta.tags.length} tags; its feed items list the first ${maxFeedCategories} as categories`,
    post.post.source.path, headerKeyPosition(post.post, "tags"),
    `keep the tags a reader would follow (at most ${maxFeedCategories}): each one is a page and three feeds`);
}

function tagCollision(slug: string, [name, owner]: [string, Pick<Rendering, "post">], [other, post]: [string, Pick<Rendering, "post">]): Diagnostic {
  const message = `the tag \`${other}\` (${post.post.source.path}) and \`${name}\` (${owner.post.source.path}) ` +
    `share the page tags/${slug}/; they are merged under \`${name}\``;
  return warning("tag-collision", message, post.post.source.path, headerKeyPosition(post.post, "tags"),
    `spell the tag \`${name}\` everywhere, or make the two tags differ in more than case and punctuation`);
}
