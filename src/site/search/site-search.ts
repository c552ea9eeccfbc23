import type { TextCache } from "../../cache/text-cache.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { Rendering } from "../../model.js";
import { mapInSteps, timedSteps, type Steps } from "../../timings/run-steps.js";
import { themeDateText, toSearchDocument } from "./search-document.js";
import { readState, stateTexts, type IndexState } from "./index-state.js";
import { patchIndex, type PageEdit } from "./patch-index.js";
import { searchFormat } from "./search-files.js";
import { toSearchPage } from "./search-page.js";
import { writePatchedIndex, writeWholeIndex, type ChunkCache, type IndexedPage, type SearchSink } from "./write-index.js";

/**
 * Writes the search index of the posts and pages this build publishes (drafts and scheduled
 * posts only in a build that shows them) to `sink`, page by page; nothing when the config
 * says `search: false`. With a cache, each page's fragment and term counts are made once per
 * rendering and kept by its rendering digest, URL and header, and the index is the last
 * build's, patched where pages changed: only the chunks of the words they changed are made
 * again (patch-index.ts), and every file the live output holds as it is taken from there.
 */
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
