/** A `./posts/<slug>` URL taken apart. */
export interface PostLinkParts {
  readonly slug: string;
  /** `?a=b` as written, or "". */
  readonly query: string;
  /** Without the `#`; undefined when there is none or it is empty. */
  readonly fragment: string | undefined;
}

// The slug segment has no dot, so `posts/img/plot.png` or `./posts/x.png` stay file paths.
const POST_LINK = /^(?:\.\/|\/)?posts\/([^/?#.]+)(?:\.(?:md|markdown|txt|html))?\/?(\?[^#]*)?(?:#(.*))?$/;

/** The slug, query and fragment of a post link (`./posts/a`, `posts/a.md`, `/posts/a/?q#f`), or undefined. */
export function parsePostLink(url: string): PostLinkParts | undefined {
  const match = POST_LINK.exec(url);
  if (!match) return undefined;
  const [, slug = "", query = "", fragment] = match;
  return { slug, query, fragment: fragment ? fragment : undefined };
}
