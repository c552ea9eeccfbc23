import type { SiteConfig } from "../config/site-config.js";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { Rendering } from "../model.js";
import { closestMatch } from "../text/closest-match.js";

/** One link of the site's navigation. */
export interface NavItem {
  readonly title: string;
  /** Site-absolute, base path included. */
  readonly url: string;
}

/** Which generated sections the site has, to link from the navigation. */
export interface NavSections {
  readonly archive: boolean;
  readonly tags: boolean;
}

/**
 * The site's navigation: Posts, Archive, Tags (when there are any), then the pages — those
 * `config.nav` names, in its order, then the rest by title. A slug in `nav` that names no page
 * of this build is a `config-error` warning on site.config.json.
 */
export function buildSiteNav(pages: readonly Rendering[], config: SiteConfig, sections: NavSections): { nav: NavItem[]; diagnostics: Diagnostic[] } {
  const { basePath } = config;
  const fixed: NavItem[] = [{ title: "Posts", url: basePath }];
  if (sections.archive) fixed.push({ title: "Archive", url: `${basePath}archive/` });
  if (sections.tags) fixed.push({ title: "Tags", url: `${basePath}tags/` });
  const { ordered, diagnostics } = orderPages(pages, config);
  return { nav: [...fixed, ...ordered.map((p) => ({ title: p.post.meta.title, url: p.post.url }))], diagnostics };
}

/** Pages in navigation order: `config.nav` first, then by title (then slug, for ties). */
export function orderPages(pages: readonly Rendering[], config: SiteConfig): { ordered: Rendering[]; diagnostics: Diagnostic[] } {
  const bySlug = new Map(pages.map((p) => [p.post.meta.slug, p]));
  const diagnostics: Diagnostic[] = [];
  const named: Rendering[] = [];
  for (const slug of config.nav) {
    const page = bySlug.get(slug);
    if (page === undefined) diagnostics.push(unknownNavSlug(slug, bySlug.keys()));
    else if (!named.includes(page)) named.push(page);
  }
  const collator = new Intl.Collator(config.language, { sensitivity: "base", numeric: true });
  const rest = pages
    .filter((p) => !named.includes(p))
    .sort((a, b) => collator.compare(a.post.meta.title, b.post.meta.title) || (a.post.meta.slug < b.post.meta.slug ? -1 : 1));
  return { ordered: [...named, ...rest], diagnostics };
}

function unknownNavSlug(slug: string, slugs: Iterable<string>): Diagnostic {
  // Two edits at least: a swapped pair of letters (`abuot`) is the usual slip.
  const near = closestMatch(slug, slugs, Math.max(2, Math.floor(slug.length / 3)));
  return warning("config-error", `\`nav\` names \`${slug}\`, but no page in pages/ has that slug`, "site.config.json", undefined,
    near ? `did you mean \`${near}\`?` : "name the slugs of pages in pages/ (a draft page counts only in --drafts builds)");
}
