/**
 * JSON-LD for `<script type="application/ld+json">`, built here rather than in Liquid: its
 * `| json` output would be HTML-escaped (`&quot;`), which breaks the JSON, and a title holding
 * `</script>` must not end the script element.
 */

/** A post, as schema.org's BlogPosting needs it. URLs absolute. */
export interface BlogPostingInput {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly published: Date | null;
  readonly modified: Date | null;
  readonly author: string | null;
  readonly image: string | null;
  readonly tags: readonly string[];
  readonly language: string;
}

/** `BlogPosting` for a post's page. */
export function blogPostingJsonLd(post: BlogPostingInput, blog: { name: string; url: string }): string {
  return scriptSafeJson({
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.description || undefined,
    url: post.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": post.url },
    datePublished: post.published?.toISOString(),
    dateModified: (post.modified ?? post.published)?.toISOString(),
    author: post.author === null ? undefined : { "@type": "Person", name: post.author },
    image: post.image ?? undefined,
    keywords: post.tags.length > 0 ? post.tags.join(", ") : undefined,
    inLanguage: post.language,
    isPartOf: { "@type": "Blog", name: blog.name, url: blog.url },
  });
}

/** A site, as schema.org's Blog needs it, for the home page. */
export interface BlogInput {
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly author: string | null;
  readonly language: string;
}

/** `Blog` for the home page. */
export function blogJsonLd(blog: BlogInput): string {
  return scriptSafeJson({
    "@context": "https://schema.org",
    "@type": "Blog",
    name: blog.name,
    description: blog.description || undefined,
    url: blog.url,
    author: blog.author === null ? undefined : { "@type": "Person", name: blog.author },
    inLanguage: blog.language,
  });
}

/**
 * JSON that is safe between `<script>` and `</script>`: `<`, `>` and `&` as `\u003c`… so no
 * `</script` or `<!--` can appear, and U+2028/U+2029, which older JavaScript parsers take for
 * line ends. Still the same JSON value for any JSON parser. Undefined fields are left out.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
