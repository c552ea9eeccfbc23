import { distance } from "fastest-levenshtein";

/**
 * The known key that `key` is probably a typo of: one edit away, or two neighbouring
 * letters swapped (`pubilshed`). Undefined for keys that are known or not close to one.
 */
export function nearMissKey(key: string, known: readonly string[]): string | undefined {
  if (known.includes(key)) return undefined;
  return known.find((k) => distance(key, k) === 1) ?? known.find((k) => isTransposition(key, k));
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  const [i, j] = diffs;
  return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
