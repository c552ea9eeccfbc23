import { distance } from "fastest-levenshtein";

/**
 * The candidate nearest to `word`, when it is near enough to be a likely typo:
 * within `maxDistance` edits (default: a third of the word's length, at least 1).
 */
export function closestMatch(
  word: string,
  candidates: Iterable<string>,
  maxDistance = Math.max(1, Math.floor(word.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    // Ties go to the alphabetically first candidate, so the hint is deterministic.
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/**
 * The known key that `key` is probably a typo of: one edit away, or two neighbouring
 * letters swapped (`pubilshed`). Undefined for keys that are known or not close to one.
 */
export function nearMissKey(key: string, known: readonly string[]): string | undefined {
  if (known.includes(key)) return undefined;
  return closestMatch(key, known, 1) ?? known.find((k) => isTransposition(key, k));
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  const [i, j] = diffs;
  return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
