import type { OutputFile } from "../../model.js";
import type { Steps } from "../../timings/run-steps.js";
import { createSearchIndexWriter, entryFiles, type ChunkName, type SearchIndex } from "./search-files.js";
import type { SearchChunk, TermGroup } from "./term-groups.js";

/** Where the index's files go: the page sink's ways with a file (see assemble-site.ts). */
export interface SearchSink {
  /** The last build's file at `path` made from `key`, when the live output still holds it as written. */
  unchanged(path: string, key: string): OutputFile | undefined;
  /** Hands a file made now to the writer's stage; with `key`, a later build may take it as it is. */
  keep(path: string, text: string, key?: string): void;
  /** Adds a file that `unchanged` gave. */
  take(file: OutputFile): void;
}

/** A page of the index: `[fragment path, term counts, fragment]` (search-page.ts), and the key its fragment file is kept under. */
export interface IndexedPage {
  readonly texts: () => readonly string[];
  readonly key?: string | undefined;
}

/** The chunks' texts in the cache, by their content-hashed paths. */
export interface ChunkCache {
  text(path: string): string | undefined;
  keep(chunk: SearchChunk): void;
  /** Keeps a chunk of this build's index through the prune unread (the live output had it): the next patch may read it. */
  touch(path: string): void;
}

/**
 * Writes `index`, whose chunks are `made` now or kept from before: every file as the live
 * output has it when it does. False, having written nothing, when a chunk's text is neither
 * in the live output nor in the cache.
 */
export function* writePatchedIndex(
  { index, made, fragments }: { index: SearchIndex; made: readonly SearchChunk[]; fragments: ReadonlyMap<number, string> },
  pages: readonly IndexedPage[],
  sink: SearchSink,
  chunks: ChunkCache,
): Steps<boolean> {
  const madeNow = new Map(made.map((chunk) => [chunk.path, chunk.text]));
  const files: Array<OutputFile | SearchChunk> = [];
  for (const { path } of index.groups.flatMap((g) => g.chunks)) {
    const text = madeNow.get(path);
    const live = text === undefined ? sink.unchanged(path, path) : undefined;
    const file = live ?? (text === undefined ? chunks.text(path) : text);
    if (file === undefined) return false;
    files.push(typeof file === "string" ? { prefix: "", path, text: file } : file);
  }
  for (const [doc, path] of index.docs.entries()) {
    writeFragment(path, pages[doc] as IndexedPage, sink, fragments.get(doc));
    yield;
  }
  for (const file of files) {
    if ("text" in file) {
      chunks.keep(file);
      sink.keep(file.path, file.text, file.path);
    } else {
      chunks.touch(file.path);
      sink.take(file);
    }
  }
  writeEntry(index, sink);
  return true;
}

/** Each page's fragment, then the chunks, the entry and the pointer: the index made from every page's counts. */
export function* writeWholeIndex(pages: readonly IndexedPage[], sink: SearchSink, chunks?: ChunkCache): Steps<SearchIndex> {
  const writer = createSearchIndexWriter();
  for (const page of pages) {
    const [path = "", terms = "", fragment = ""] = page.texts();
    writeFragment(path, page, sink, fragment);
    writer.add({ path, terms });
    yield;
  }
  const groups: Array<TermGroup<ChunkName>> = [];
  for (const group of writer.groups()) {
    for (const chunk of group.chunks) {
      chunks?.keep(chunk);
      const live = chunks && sink.unchanged(chunk.path, chunk.path);
      if (live) sink.take(live);
      else sink.keep(chunk.path, chunk.text, chunks && chunk.path);
    }
    groups.push({ group: group.group, chunks: group.chunks.map(({ prefix, path }) => ({ prefix, path })) });
    yield;
  }
  const index = { docs: writer.docs, groups };
  writeEntry(index, sink, chunks !== undefined);
  return index;
}

/** A page's fragment: the live output's when it has it as written, else its text (read from the cache only then). */
function writeFragment(path: string, page: IndexedPage, sink: SearchSink, fragment?: string): void {
  const live = page.key === undefined ? undefined : sink.unchanged(path, page.key);
  if (live) sink.take(live);
  else sink.keep(path, fragment ?? page.texts()[2] ?? "", page.key);
}

/** The entry and the pointer, each kept under the entry's content-hashed path (which says all they hold). */
function writeEntry(index: SearchIndex, sink: SearchSink, keyed = true): void {
  const [entry, pointer] = entryFiles(index);
  for (const file of [entry, pointer]) {
    const live = keyed ? sink.unchanged(file.path, entry.path) : undefined;
    if (live) sink.take(live);
    else sink.keep(file.path, file.contents, keyed ? entry.path : undefined);
  }
}
