import { hashedName } from "../../assets/hashed-name.js";
import { searchFolder } from "./search-page.js";
import { termPrefix } from "./search-terms.js";

/** A chunk file of the index: the prefix the script looks a word up by, its content-hashed path and its JSON. */
export interface SearchChunk {
  readonly prefix: string;
  readonly path: string;
  readonly text: string;
}

/**
 * The terms that share their first two letters, as the chunk files that hold them: one, or
 * several split by three letters (below). An edit changes the groups of the words it
 * changed and no other, so the index is patched group by group (patch-index.ts).
 */
export interface TermGroup<C = SearchChunk> {
  /** The terms' first two letters (code points). */
  readonly group: string;
  /** In the entry's order. */
  readonly chunks: readonly C[];
}

/** Postings of one term as a chunk holds them: `[doc, section, weight, …]`, each doc its distance from the one before. */
export type Postings = readonly number[];

/** The group a term belongs to. */
export const groupOf = (term: string): string => termPrefix(term, 2);

/**
 * The chunks of one group's terms. Terms go in the order an object's keys take (below), and
 * each term's JSON is written from its postings: as objects of arrays for JSON.stringify, the
 * 4,000-post bench's chunks took twice the time.
 */
export function chunksOfGroup(members: ReadonlyMap<string, Postings>): SearchChunk[] {
  const terms = inKeyOrder([...members.keys()].sort(byCodeUnit));
  return splitLargeChunk(groupOf(terms[0] ?? ""), terms.map((term) => [term, `${JSON.stringify(term)}:${JSON.stringify(members.get(term))}`]))
    .map(([prefix, text]) => ({ prefix, path: hashedName(`${searchFolder}/terms.json`, text), text }));
}

/** A chunk's terms and their postings, as chunksOfGroup wrote them. */
export function readChunk(text: string): Map<string, Postings> {
  return new Map(Object.entries(JSON.parse(text) as Record<string, Postings>));
}

/**
 * `postings` with doc `doc`'s own replaced by `pairs` (`[section, weight, …]`; none: the doc
 * lost the term), keeping docs ascending and written as distances.
 */
export function withDocPostings(postings: Postings, doc: number, pairs: readonly number[]): number[] {
  const out: number[] = [];
  let previous = 0;
  let placed = false;
  const push = (d: number, section: number, weight: number) => {
    out.push(d - previous, section, weight);
    previous = d;
  };
  const place = () => {
    for (let i = 0; i < pairs.length; i += 2) push(doc, pairs[i] ?? 0, pairs[i + 1] ?? 0);
    placed = true;
  };
  for (let i = 0, d = 0; i < postings.length; i += 3) {
    d += postings[i] ?? 0;
    if (d === doc) continue;
    if (!placed && d > doc) place();
    push(d, postings[i + 1] ?? 0, postings[i + 2] ?? 0);
  }
  if (!placed) place();
  return out;
}

/**
 * A chunk over `limit` bytes is split by the terms' first three letters, a two-letter term
 * keeping the two-letter chunk: on the 4,000-post bench, "th" (the, then, that, throttles…)
 * was 880 KB, which a query for "throttles" downloaded whole. The script looks a word up
 * under its first three letters, then its first two.
 */
function splitLargeChunk(prefix: string, members: ReadonlyArray<readonly [term: string, json: string]>, limit = 50_000): Array<[string, string]> {
  const length = members.reduce((sum, [, json]) => sum + json.length + 1, 1);
  if (length <= limit) return [[prefix, `{${members.map(([, json]) => json).join(",")}}`]];
  const parts = new Map<string, string[]>();
  for (const [term, json] of members) {
    const key = termPrefix(term, 3);
    let part = parts.get(key);
    if (part === undefined) parts.set(key, (part = []));
    part.push(json);
  }
  return [...parts].map(([key, part]) => [key, `{${part.join(",")}}`]);
}

/**
 * Terms in the order an object's keys take (and JSON.stringify writes them, as the index's
 * first version did): array indices (`2024`) first, ascending, then the rest as given.
 */
function inKeyOrder(terms: readonly string[]): string[] {
  const indices = terms.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? [...terms] : [...indices, ...terms.filter((term) => !isArrayIndex(term))];
}

const isArrayIndex = (key: string): boolean => /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
