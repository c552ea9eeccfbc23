/** One image candidate's URL in a `srcset`, with where it stands in the attribute's value. */
export interface SrcsetCandidate {
  readonly url: string;
  /** Offset of the URL's first character in the value. */
  readonly start: number;
}

/**
 * The URLs of a `srcset`'s image candidates, as the HTML standard's parsing algorithm finds
 * them: a URL runs to the next space (trailing commas are not part of it) and its
 * descriptors (`2x`, `640w`) to the next comma outside parentheses. So `data:` URLs, whose
 * commas are inside the URL, stay whole.
 */
export function srcsetCandidates(value: string): SrcsetCandidate[] {
  const found: SrcsetCandidate[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value.charCodeAt(i) === 44 /* , */)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let url = value.slice(start, i);
    const trailingCommas = /,+$/.exec(url);
    if (trailingCommas) url = url.slice(0, trailingCommas.index);
    else i = skipDescriptors(value, i);
    if (url) found.push({ url, start });
  }
  return found;
}

/** The index of the comma that ends the descriptors starting at `i` (or the end). */
function skipDescriptors(value: string, i: number): number {
  let depth = 0;
  while (i < value.length && (value.charCodeAt(i) !== 44 || depth > 0)) {
    if (value[i] === "(") depth++;
    else if (value[i] === ")") depth--;
    i++;
  }
  return i;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
