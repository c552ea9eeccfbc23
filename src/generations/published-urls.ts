import type { PreviousGeneration } from "./read-previous.js";

/**
 * The previous generation's URLs that a deploy carried, the only ones a build must keep
 * answering: every URL of a live site's ledger (`--previous`); of the build's own output,
 * all but those its manifest lists as unpublished. A manifest without that list (one a
 * deploy published, or an older daylight's) counts every URL.
 */
export function publishedUrlsOf(previous: PreviousGeneration | undefined): ReadonlySet<string> {
  if (!previous) return new Set();
  const all = Object.keys(previous.manifest.urls);
  if (previous.live || previous.manifest.unpublished === undefined) return new Set(all);
  const unpublished = new Set(previous.manifest.unpublished);
  return new Set(all.filter((url) => !unpublished.has(url)));
}

/** The ledger URLs no deploy has carried yet, sorted: what the new manifest lists as unpublished. */
export function unpublishedUrls(ledger: Readonly<Record<string, unknown>>, published: ReadonlySet<string>): string[] {
  return Object.keys(ledger).filter((url) => !published.has(url)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
