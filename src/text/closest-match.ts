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
