import { hashedName } from "../../assets/hashed-name.js";
import type { OutputFile } from "../../model.js";
import { searchPointerPath } from "../../urls/generated-files.js";
import type { SearchDocument } from "./search-document.js";
import { searchFolder, toSearchPage, forEachCount, type SearchPage } from "./search-page.js";
import { createPostingsArena, type PostingsArena } from "./postings-arena.js";
import { termPrefix } from "./search-terms.js";

export { searchPointerPath };
/** The format of the files below; the pointer says it, and a script of another format ignores them. */
export const searchFormat = 1;

/** A file of the index, as it is made. */
export interface SearchFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * The index made page by page: `add` each page in the order of the entry (its fragment is
 * the caller's to write), then `files` makes, one at a time, the chunks of postings (term →
 * doc, section, weight, … for each two-letter term prefix; three, for a large one), the entry
 * naming the fragments and chunks, and the pointer to the entry. Only the postings are held
 * between pages, packed (postings-arena.ts). Everything but the pointer has a content-hashed
 * name, and every name is relative to the file that holds it, so the index works at any base
 * path and on any static host. A query downloads the entry, one chunk per word and the
 * fragments of the results shown.
 */
export interface SearchIndexWriter {
  add(page: Pick<SearchPage, "path" | "terms">): void;
  files(): Generator<SearchFile>;
}

/** An index of no pages yet. */
export function createSearchIndexWriter(): SearchIndexWriter {
  const postings = createPostingsArena();
  const docs: string[] = [];
  return {
    add(page) {
      const doc = docs.push(page.path.slice(searchFolder.length + 1)) - 1;
      forEachCount(page.terms, (term, section, weight) => postings.add(term, doc, section, weight));
    },
    *files() {
      const chunks: Record<string, string> = {};
      for (const [prefix, text] of chunksOf(postings)) {
        const file = hashed("terms.json", text);
        chunks[prefix] = file.path.slice(searchFolder.length + 1);
        yield file;
      }
      const entry = hashed("index.json", JSON.stringify({ format: searchFormat, docs, chunks }));
      yield entry;
      yield { path: searchPointerPath, contents: JSON.stringify({ format: searchFormat, index: `../${entry.path}` }) };
    },
  };
}

const hashed = (name: string, contents: string): SearchFile => ({ path: hashedName(`${searchFolder}/${name}`, contents), contents });

/** The whole index of `documents` at once, in path order: for tests and small sites. */
export function searchFiles(documents: readonly SearchDocument[]): OutputFile[] {
  const writer = createSearchIndexWriter();
  const files = new Map<string, string>();
  for (const page of documents.map(toSearchPage)) {
    files.set(page.path, page.fragment);
    writer.add(page);
  }
  for (const file of writer.files()) files.set(file.path, file.contents);
  return [...files].sort(([a], [b]) => byCodeUnit(a, b)).map(([path, contents]) => ({ path, contents }));
}

/** Prefix → (term → flat `[doc, section, weight, …]`) of `documents`: what the chunks hold. */
export function chunkPostings(documents: readonly SearchDocument[]): Map<string, Record<string, number[]>> {
  const postings = createPostingsArena();
  documents.map(toSearchPage).forEach((page, doc) => forEachCount(page.terms, (term, section, weight) => postings.add(term, doc, section, weight)));
  return new Map([...chunksOf(postings)].map(([prefix, text]) => [prefix, JSON.parse(text) as Record<string, number[]>]));
}

/**
 * Each chunk's prefix and JSON in turn, prefixes in code-unit order, terms as an object's
 * keys come (below). Each doc is given as the difference from the one before it in the list
 * (the first as is): small numbers, which made the 1,000-post bench's chunks 23% smaller,
 * 57% gzipped. The JSON is written term by term from the packed postings: as objects of
 * arrays for JSON.stringify, the 4,000-post bench's chunks took twice the time.
 */
function* chunksOf(postings: PostingsArena): Generator<[prefix: string, text: string]> {
  const terms = [...postings.terms()].sort(byCodeUnit);
  for (let i = 0; i < terms.length;) {
    const prefix = termPrefix(terms[i] ?? "", 2);
    const group: string[] = [];
    for (; i < terms.length && termPrefix(terms[i] ?? "", 2) === prefix; i++) group.push(terms[i] ?? "");
    yield* splitLargeChunk(prefix, inKeyOrder(group).map((term) => [term, `${JSON.stringify(term)}:${JSON.stringify(postings.list(term))}`]));
  }
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

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
