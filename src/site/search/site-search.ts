import type { TextCache } from "../../cache/text-cache.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { OutputFile, Rendering } from "../../model.js";
import { mapInSteps, runSteps, timedSteps, type Steps } from "../../timings/run-steps.js";
import { themeDateText, toSearchDocument } from "./search-document.js";
import { readState, stateTexts, type IndexState } from "./index-state.js";
import { patchIndex, type PageEdit } from "./patch-index.js";
import { createSearchIndexWriter, entryFiles, searchFormat, type ChunkName, type SearchIndex } from "./search-files.js";
import { toSearchPage } from "./search-page.js";
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
interface IndexedPage {
  readonly texts: () => readonly string[];
  readonly key?: string | undefined;
}

/**
 * Writes the search index of the posts and pages this build publishes (drafts and scheduled
 * posts only in a build that shows them) to `sink`, page by page; nothing when the config
 * says `search: false`. With a cache, each page's fragment and term counts are made once per
 * rendering and kept by its rendering digest, URL and header, and the index is the last
 * build's, patched where pages changed: only the chunks of the words they changed are made
 * again (patch-index.ts), and every file the live output holds as it is taken from there.
 */
export function writeSiteSearch(
  posts: readonly Rendering[],
  pages: readonly Rendering[],
  config: SiteConfig,
  sink: SearchSink,
  cache?: TextCache,
): void {
  runSteps(siteSearchInSteps(posts, pages, config, sink, cache));
}

/** writeSiteSearch, with steps between pages (see run-steps.ts). */
export function* siteSearchInSteps(
  posts: readonly Rendering[],
  pages: readonly Rendering[],
  config: SiteConfig,
  sink: SearchSink,
  cache?: TextCache,
): Steps<void> {
  // The pages, then the posts oldest first: a new post is the index's last document, so the
  // index is patched (the others keep their numbers), not made again. The script shows the
  // later of two equal results first: the newest post, as the lists do.
  if (config.search) yield* timedSteps("search index", searchSteps([...posts, ...pages].reverse(), config, sink, cache));
}

function* searchSteps(all: readonly Rendering[], config: SiteConfig, sink: SearchSink, cache?: TextCache): Steps<void> {
  const dateText = themeDateText(config.timezone, config.language);
  const make = (r: Rendering) => {
    const page = toSearchPage(toSearchDocument(r, dateText));
    return [page.path, page.terms, page.fragment];
  };
  if (cache === undefined) return void (yield* writeWholeIndex(all.map((r) => ({ texts: () => make(r) })), sink));
  const settings = [searchFormat, config.timezone, config.language];
  // keyOf keeps each page's entry through the cache's prune, read or not.
  const indexed = yield* mapInSteps(all, (r): IndexedPage & { key: string } => {
    const pageKey = JSON.stringify([settings, r.digest, r.post.url, r.post.meta]);
    return { texts: () => cache.texts("search-page", pageKey, () => make(r)), key: cache.keyOf("search-page", pageKey) };
  });
  const keys = indexed.map((page) => page.key);
  // The last build's index is kept in one slot per settings (index-state.ts), its chunks by their paths:
  // a build of other settings makes its own, and the prune drops the others'.
  const slot = JSON.stringify(settings);
  const chunks = chunkCache(cache, slot);
  const last = readState(cache.stored(cache.keyOf("search-state", slot)));
  const patched = last && patchLast(last, indexed, keys, cache, chunks.text);
  if (patched && (yield* writePatchedIndex(patched, indexed, sink, chunks))) {
    if (patched.fragments.size > 0) cache.put("search-state", slot, stateTexts({ pages: keys, index: patched.index }));
    return;
  }
  const index = yield* writeWholeIndex(indexed, sink, chunks);
  cache.put("search-state", slot, stateTexts({ pages: keys, index }));
}

/** The chunks' texts in the cache, by their content-hashed paths. */
interface ChunkCache {
  text(path: string): string | undefined;
  keep(chunk: SearchChunk): void;
  /** Keeps a chunk of this build's index through the prune unread (the live output had it): the next patch may read it. */
  touch(path: string): void;
}

function chunkCache(cache: TextCache, slot: string): ChunkCache {
  const key = (path: string) => `${slot}\n${path}`;
  return {
    text: (path) => cache.stored(cache.keyOf("search-chunk", key(path)))?.[0],
    keep: (chunk) => void cache.texts("search-chunk", key(chunk.path), () => [chunk.text]),
    touch: (path) => void cache.keyOf("search-chunk", key(path)),
  };
}

/**
 * The last build's index with the pages whose keys changed patched in, and the pages added
 * at its end; undefined when fewer pages (a removed one moves every doc after it), or many
 * changed ones, make the whole index the cheaper way, or when what a patch reads is no
 * longer kept.
 */
function patchLast(last: IndexState, pages: readonly IndexedPage[], keys: readonly string[], cache: TextCache, chunkText: (path: string) => string | undefined) {
  if (keys.length < last.pages.length) return undefined;
  const edits: PageEdit[] = [];
  // The changed pages' fragments, as read for their counts: not read from the cache again to be written.
  const fragments = new Map<number, string>();
  const limit = Math.max(8, keys.length / 20);
  for (let doc = 0; doc < keys.length; doc++) {
    if (last.pages[doc] === keys[doc]) continue;
    // A document past the last index's end is new: it had no terms.
    const before = doc < last.pages.length ? cache.stored(last.pages[doc] ?? "") : ["", ""];
    if (before === undefined || edits.length >= limit) return undefined;
    const [path = "", after = "", fragment = ""] = pages[doc]?.texts() ?? [];
    edits.push({ doc, path, before: before[1] ?? "", after });
    fragments.set(doc, fragment);
  }
  const patched = patchIndex(last.index, edits, chunkText);
  return patched && { ...patched, fragments };
}

/**
 * Writes `index`, whose chunks are `made` now or kept from before: every file as the live
 * output has it when it does. False, having written nothing, when a chunk's text is neither
 * in the live output nor in the cache.
 */
function* writePatchedIndex(
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
function* writeWholeIndex(pages: readonly IndexedPage[], sink: SearchSink, chunks?: ChunkCache): Steps<SearchIndex> {
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
