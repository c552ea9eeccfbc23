import { closestMatch } from "../text/closest-match.js";
import { datedName } from "./dated-name.js";

/** A slug without its Jekyll-style date prefix (`2024-05-01-hello` → `hello`), read as a post's name is. */
const withoutDate = (slug: string): string => datedName(slug)?.rest ?? slug;

/**
 * The known slug a link's unknown slug most likely meant, for a "did you mean" hint: the
 * same name with or without a date prefix (`hello` ↔ `2024-05-01-hello`), then a typo
 * (closestMatch), then a slug that contains the name or is contained in it (the shortest,
 * then the alphabetically first). Undefined when nothing is near.
 */
export function nearestSlug(slug: string, known: Iterable<string>): string | undefined {
  const candidates = [...known].sort();
  const bare = withoutDate(slug);
  const dated = candidates.find((candidate) => candidate !== slug && withoutDate(candidate) === bare);
  if (dated !== undefined) return dated;
  const typo = closestMatch(slug, candidates) ?? closestMatch(bare, candidates.map(withoutDate));
  if (typo !== undefined) return candidates.find((c) => c === typo) ?? candidates.find((c) => withoutDate(c) === typo);
  if (bare.length < 3) return undefined; // `a` is in every other slug
  const containing = candidates.filter((c) => withoutDate(c).includes(bare) || bare.includes(withoutDate(c)));
  return containing.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
}
