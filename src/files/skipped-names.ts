/**
 * The names a build never reads, in one place: the readers skip them, and the snapshot of a
 * build's inputs leaves them out by the same rule (a change to one changes nothing).
 */

/** Among posts and pages: hidden files and names starting with `_` (notes and drafts kept aside). */
export const isSkippedSourceName = (name: string): boolean => name.startsWith("_") || name.startsWith(".");

/** In a theme: hidden files. */
export const isHiddenName = (name: string): boolean => name.startsWith(".");
