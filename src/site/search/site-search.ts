import type { TextCache } from "../../cache/text-cache.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { OutputFile, RenderedPost } from "../../model.js";
import { timed } from "../../timings/stage-timings.js";
import { themeDateText, toSearchDocument } from "./search-document.js";
import { createSearchIndexWriter, searchFormat } from "./search-files.js";
import { toSearchPage } from "./search-page.js";

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
 * rendering and kept by its rendering digest, URL and header: a build reads the pages that
 * did not change from the cache, not their bodies; when none changed, the index is the live
 * output's files, taken as they are (or, without them, made from the cache).
 */
export function writeSiteSearch(
  posts: readonly RenderedPost[],
  pages: readonly RenderedPost[],
  config: SiteConfig,
  sink: SearchSink,
  cache?: TextCache,
): void {
  if (!config.search) return;
  timed("search index", () => {
    const all = [...posts, ...pages];
    const dateText = themeDateText(config.timezone, config.language);
    const make = (r: RenderedPost) => {
      const page = toSearchPage(toSearchDocument(r, dateText));
      return [page.path, page.terms, page.fragment];
    };
    if (cache === undefined) return void writeIndex(all.map((r) => ({ texts: () => make(r) })), sink);
    const settings = [searchFormat, config.timezone, config.language];
    const pageKeys = all.map((r) => JSON.stringify([settings, r.digest, r.post.url, r.post.meta]));
    // keyOf keeps each page's entry through the cache's prune, read or not.
    const keys = pageKeys.map((key) => cache.keyOf("search-page", key));
    const indexed = all.map((r, i): IndexedPage => ({ texts: () => cache.texts("search-page", pageKeys[i] ?? "", () => make(r)), key: keys[i] }));
    const indexKey = JSON.stringify(keys);
    const indexDigest = cache.keyOf("search-index", indexKey);
    let made = false;
    const names = cache.texts("search-index", indexKey, () => ((made = true), writeIndex(indexed, sink, indexDigest)));
    if (made) return;
    const live = names.map((path, i) => sink.unchanged(path, keys[i] ?? `${indexDigest}#${i - all.length}`));
    // All of it as the last build left it, or all of it made again (from the cache's pages).
    if (live.length > all.length && live.every((file) => file !== undefined)) live.forEach((file) => sink.take(file as OutputFile));
    else writeIndex(indexed, sink, indexDigest);
  });
}

/**
 * Each page's fragment (taken from the live output when it is there as written), then the
 * chunks, the entry and the pointer. Returns every path: the fragments in the pages' order,
 * then the others in the order of their keys (`<indexDigest>#<n>`).
 */
function writeIndex(pages: readonly IndexedPage[], sink: SearchSink, indexDigest?: string): string[] {
  const writer = createSearchIndexWriter();
  const names: string[] = [];
  for (const page of pages) {
    const [path = "", terms = "", fragment = ""] = page.texts();
    const live = page.key === undefined ? undefined : sink.unchanged(path, page.key);
    if (live) sink.take(live);
    else sink.keep(path, fragment, page.key);
    writer.add({ path, terms });
    names.push(path);
  }
  let n = 0;
  for (const file of writer.files()) {
    sink.keep(file.path, file.contents, indexDigest && `${indexDigest}#${n++}`);
    names.push(file.path);
  }
  return names;
}
