import { slugify } from "../text/slugify.js";
import { datedName, postName } from "./dated-name.js";

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug is lowercase `a-z`, `0-9` and single `-`: safe as one URL and path segment. */
export const isValidSlug = (slug: string): boolean => slugPattern.test(slug);

/**
 * The slug a post gets from its path when its header gives none: the file name without
 * its extension, or the folder's name for `index.md` (a post kept in its own folder).
 * With `dropDate`, a leading `YYYY-MM-DD-` (a real date) is left out: `2016-10-06-release` → `release`.
 */
export function slugFromPath(path: string, dropDate = false): string {
  const dated = dropDate ? datedName(path) : undefined;
  return slugify(dated?.rest ?? postName(path));
}
