/**
 * An entry of the archive: what a list of every post shows. Deliberately not the whole post
 * (no body): editing a post's text then leaves the archive page as it was.
 */
export interface ArchiveEntry {
  readonly title: string;
  readonly url: string;
  readonly published: Date | null;
  readonly updated: Date | null;
  readonly description: string;
  readonly tags: readonly string[];
  readonly draft: boolean;
  readonly scheduled: boolean;
}

/** The archive entry of a post's data. */
export const toArchiveEntry = (post: ArchiveEntry): ArchiveEntry => ({
  title: post.title,
  url: post.url,
  published: post.published,
  updated: post.updated,
  description: post.description,
  tags: post.tags,
  draft: post.draft,
  scheduled: post.scheduled,
});

/** One group of the archive. */
export interface ArchiveYear<T> {
  /** The year in the site's time zone; null for drafts without a date (listed first). */
  readonly year: number | null;
  readonly posts: readonly T[];
}

/**
 * Groups posts by the year they were published in `timezone` (a post from New Year's Eve in
 * Berlin is not filed under the next year by UTC): newest year first, each year's posts in the
 * order given (newest first).
 */
export function groupByYear<T extends { readonly published: Date | null }>(posts: readonly T[], timezone: string): ArchiveYear<T>[] {
  const yearOf = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric" });
  const byYear = new Map<number | null, T[]>();
  for (const post of posts) {
    const year = post.published === null ? null : Number(yearOf.format(post.published));
    const group = byYear.get(year);
    if (group) group.push(post);
    else byYear.set(year, [post]);
  }
  const rank = (year: number | null) => (year === null ? Infinity : year);
  return [...byYear].map(([year, items]) => ({ year, posts: items })).sort((a, b) => rank(b.year) - rank(a.year));
}
