/**
 * The words of a text as the index keys them: Unicode-normalised (compatibility forms and
 * accents folded: "Café" is "cafe"), lower-cased, split on anything that is not a letter or
 * a digit. The theme's search script folds a query the same way (templates/assets/search.js).
 */
export function searchTerms(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Lower case without accents. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A term's first `length` characters: the key of the chunk it is kept in (a query needs one chunk per word). */
export function termPrefix(term: string, length: number): string {
  return [...term].slice(0, length).join("");
}
