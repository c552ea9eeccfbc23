import { warning, type Diagnostic } from "../diagnostics.js";
import type { LinkIndex, Rendering } from "../model.js";
import { closestMatch } from "../text/closest-match.js";

/**
 * Checks the `#fragment` of every post link against the ids of the post it targets:
 * `unknown-fragment` warnings at the link. Targets not rendered in this build are skipped.
 */
export function checkFragments(rendered: readonly Rendering[], links: LinkIndex): Diagnostic[] {
  const bySlug = new Map(rendered.map((r) => [r.post.meta.slug, r] as const));
  const diagnostics: Diagnostic[] = [];
  for (const source of rendered) {
    for (const ref of source.postLinks) {
      if (ref.fragment === undefined || !links.posts.has(ref.slug)) continue;
      const target = bySlug.get(ref.slug);
      if (target === undefined) continue;
      const ids = targetIds(target);
      if (isKnownFragment(ref.fragment, ids)) continue;
      const nearest = closestMatch(ref.fragment, [...ids].sort());
      diagnostics.push(
        warning(
          "unknown-fragment",
          `\`#${ref.fragment}\` matches no heading or anchor in post \`${ref.slug}\``,
          source.post.source.path,
          { line: ref.line, column: ref.column },
          nearest ? `did you mean \`#${nearest}\`?` : `link to a heading of \`${ref.slug}\`, or drop the fragment`,
        ),
      );
    }
  }
  return diagnostics;
}

/** Every id a link into `post` may name: its headings, other ids in its HTML, its resources. */
function targetIds(post: Rendering): Set<string> {
  const ids = new Set([...post.headings.map((h) => h.id), ...post.anchorIds]);
  if (post.resources.length > 0) ids.add("resources");
  for (const resource of post.resources) ids.add(`resource-${resource.n}`);
  return ids;
}

// `#top` and an empty fragment scroll to the top of any page (HTML standard).
function isKnownFragment(fragment: string, ids: ReadonlySet<string>): boolean {
  if (fragment === "" || fragment.toLowerCase() === "top" || ids.has(fragment)) return true;
  try {
    return ids.has(decodeURIComponent(fragment));
  } catch {
    return false;
  }
}
