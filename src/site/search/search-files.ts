import { hashedName } from "../../assets/hashed-name.js";
import type { OutputFile } from "../../model.js";
import { searchPointerPath } from "../../urls/generated-files.js";
import type { SearchDocument } from "./search-document.js";
import { searchFolder, toSearchPage, forEachCount, type SearchPage } from "./search-page.js";
import { createPostingsArena, type PostingsArena } from "./postings-arena.js";
import { byCodeUnit, chunksOfGroup, groupOf, type SearchChunk, type TermGroup } from "./term-groups.js";

export { searchPointerPath };
/** The format of the files below; the pointer says it, and a script of another format ignores them. */
export const searchFormat = 1;

/** A file of the index, as it is made. */
export interface SearchFile {
  readonly path: string;
  readonly contents: string;
}

/** The index as the entry names it: each page's fragment, and each group's chunks (content only where made). */
export interface SearchIndex {
  /** Fragment paths (`assets/search/doc.<hash>.json`), in the order of the entry. */
  readonly docs: readonly string[];
  /** In code-unit order of their two letters. */
  readonly groups: ReadonlyArray<TermGroup<ChunkName>>;
}

/** A chunk as the entry names it. */
export type ChunkName = Pick<SearchChunk, "prefix" | "path">;

/**
 * The index made page by page: `add` each page in the order of the entry (its fragment is
 * the caller's to write), then `groups` makes, one group at a time, the chunks of postings
 * (term → doc, section, weight, … for each two-letter term prefix; three, for a large one).
 * Only the postings are held between pages, packed (postings-arena.ts).
 */
export interface SearchIndexWriter {
  add(page: Pick<SearchPage, "path" | "terms">): void;
  /** The fragments' paths, in the order added. */
  readonly docs: readonly string[];
  groups(): Generator<TermGroup>;
}

/** An index of no pages yet. */
export function createSearchIndexWriter(): SearchIndexWriter {
  const postings = createPostingsArena();
  const docs: string[] = [];
  return {
    docs,
    add(page) {
      const doc = docs.push(page.path) - 1;
      forEachCount(page.terms, (term, section, weight) => postings.add(term, doc, section, weight));
    },
    groups: () => groupsOf(postings),
  };
}

/**
 * The entry naming the fragments and chunks, and the pointer to the entry. Everything but the
 * pointer has a content-hashed name, and every name is relative to the file that holds it,
 * so the index works at any base path and on any static host. A query downloads the entry,
 * one chunk per word and the fragments of the results shown.
 */
export function entryFiles(index: SearchIndex): [entry: SearchFile, pointer: SearchFile] {
  const relative = (path: string) => path.slice(searchFolder.length + 1);
  const chunks: Record<string, string> = {};
  for (const { chunks: named } of index.groups) for (const chunk of named) chunks[chunk.prefix] = relative(chunk.path);
  const entry = hashed("index.json", JSON.stringify({ format: searchFormat, docs: index.docs.map(relative), chunks }));
  return [entry, { path: searchPointerPath, contents: JSON.stringify({ format: searchFormat, index: `../${entry.path}` }) }];
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
  const groups = [...writer.groups()];
  for (const chunk of groups.flatMap((g) => g.chunks)) files.set(chunk.path, chunk.text);
  for (const file of entryFiles({ docs: writer.docs, groups })) files.set(file.path, file.contents);
  return [...files].sort(([a], [b]) => byCodeUnit(a, b)).map(([path, contents]) => ({ path, contents }));
}

/** Prefix → (term → flat `[doc, section, weight, …]`) of `documents`: what the chunks hold. */
export function chunkPostings(documents: readonly SearchDocument[]): Map<string, Record<string, number[]>> {
  const writer = createSearchIndexWriter();
  documents.map(toSearchPage).forEach((page) => writer.add(page));
  return new Map([...writer.groups()].flatMap((g) => g.chunks).map(({ prefix, text }) => [prefix, JSON.parse(text) as Record<string, number[]>]));
}

/** Each group's chunks in turn, groups in code-unit order (terms sorted so are grouped so). */
function* groupsOf(postings: PostingsArena): Generator<TermGroup> {
  const terms = [...postings.terms()].sort(byCodeUnit);
  for (let i = 0; i < terms.length;) {
    const group = groupOf(terms[i] ?? "");
    const members = new Map<string, number[]>();
    for (; i < terms.length && groupOf(terms[i] ?? "") === group; i++) members.set(terms[i] ?? "", postings.list(terms[i] ?? ""));
    yield { group, chunks: chunksOfGroup(members) };
  }
}
