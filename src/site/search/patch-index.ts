import type { SearchIndex } from "./search-files.js";
import { forEachCount } from "./search-page.js";
import { byCodeUnit, chunksOfGroup, groupOf, readChunk, withDocPostings, type Postings, type SearchChunk } from "./term-groups.js";

/** One page of the entry whose text changed: its place, its new fragment, and its term counts before and after (search-page.ts). */
export interface PageEdit {
  readonly doc: number;
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/**
 * The index after `edits`, the same byte for byte as the whole index of the new pages, made
 * by remaking only the groups of the terms whose counts changed. An edit that adds a sentence
 * to a post remakes a handful of chunks of the 4,000-post bench's 314, where remaking the
 * whole index from every page's counts took 1.3–1.6 s. `chunkText` gives the JSON of a chunk
 * of `index`; undefined from it (a chunk no longer kept) gives undefined: make it whole.
 */
export function patchIndex(
  index: SearchIndex,
  edits: readonly PageEdit[],
  chunkText: (path: string) => string | undefined,
): { index: SearchIndex; made: SearchChunk[] } | undefined {
  const docs = [...index.docs];
  // group → term → each edited doc's new `[section, weight, …]` (none: the doc lost the term)
  const changed = new Map<string, Map<string, Array<[doc: number, pairs: readonly number[]]>>>();
  for (const edit of edits) {
    docs[edit.doc] = edit.path;
    const before = countsOf(edit.before);
    const after = countsOf(edit.after);
    for (const term of new Set([...before.keys(), ...after.keys()])) {
      const pairs = after.get(term) ?? [];
      if (sameNumbers(pairs, before.get(term) ?? [])) continue;
      const group = groupOf(term);
      let terms = changed.get(group);
      if (terms === undefined) changed.set(group, (terms = new Map()));
      terms.get(term)?.push([edit.doc, pairs]) ?? terms.set(term, [[edit.doc, pairs]]);
    }
  }
  const groups = new Map(index.groups.map((g) => [g.group, g]));
  const made: SearchChunk[] = [];
  for (const [group, terms] of changed) {
    const members = new Map<string, Postings>();
    for (const chunk of groups.get(group)?.chunks ?? []) {
      const text = chunkText(chunk.path);
      if (text === undefined) return undefined;
      for (const [term, postings] of readChunk(text)) members.set(term, postings);
    }
    for (const [term, docEdits] of terms) {
      const postings = docEdits.reduce((list, [doc, pairs]) => withDocPostings(list, doc, pairs), members.get(term) ?? []);
      if (postings.length === 0) members.delete(term);
      else members.set(term, postings);
    }
    if (members.size === 0) {
      groups.delete(group);
      continue;
    }
    const chunks = chunksOfGroup(members);
    made.push(...chunks);
    groups.set(group, { group, chunks: chunks.map(({ prefix, path }) => ({ prefix, path })) });
  }
  return { index: { docs, groups: [...groups.values()].sort((a, b) => byCodeUnit(a.group, b.group)) }, made };
}

/** A page's term counts as term → `[section, weight, …]`. */
function countsOf(terms: string): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  forEachCount(terms, (term, section, weight) => {
    const pairs = counts.get(term);
    if (pairs === undefined) counts.set(term, [section, weight]);
    else pairs.push(section, weight);
  });
  return counts;
}

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);
