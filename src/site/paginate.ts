/** One page of a paginated list. URLs are site-absolute paths; outputPath is relative to the output folder. */
export interface Paginated<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly pageNumber: number;
  readonly totalPages: number;
  /** `/blog/` for page 1, `/blog/page/2/` after it. */
  readonly url: string;
  /** `index.html` for page 1, `page/2/index.html` after it. */
  readonly outputPath: string;
  /** The page before (nearer page 1), or null on page 1. */
  readonly previousUrl: string | null;
  /** The page after, or null on the last page. */
  readonly nextUrl: string | null;
}

/**
 * Splits `items` into pages of `perPage`: page 1 lives at `basePath + prefix` and page N at
 * `basePath + prefix + "page/N/"`. `basePath` is the site's (`/blog/`); `prefix` a section
 * inside it (`tags/devops/`), empty for the home page. An empty list still gives one (empty) page.
 */
export function paginate<T>(items: readonly T[], perPage: number, basePath: string, prefix = ""): Paginated<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a whole number above 0, got ${perPage}`);
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const section = withTrailingSlash(basePath) + prefix;
  const urlOf = (n: number) => (n === 1 ? section : `${section}page/${n}/`);
  const pages: Paginated<T>[] = [];
  for (let n = 1; n <= totalPages; n++) {
    pages.push({
      items: items.slice((n - 1) * perPage, n * perPage),
      pageNumber: n,
      totalPages,
      url: urlOf(n),
      outputPath: n === 1 ? `${prefix}index.html` : `${prefix}page/${n}/index.html`,
      previousUrl: n > 1 ? urlOf(n - 1) : null,
      nextUrl: n < totalPages ? urlOf(n + 1) : null,
    });
  }
  return pages;
}

const withTrailingSlash = (p: string): string => (p.endsWith("/") ? p : `${p}/`);
