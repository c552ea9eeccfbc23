import type { EntryStore } from "./entry-store.js";
import type { HeaderCache } from "./header-cache.js";
import { createPageCache, type PageCache } from "./page-cache.js";
import { createRenderCache, type RenderCache } from "./render-cache.js";
import { createTextCache, type TextCache } from "./text-cache.js";

/** What a long-lived process (the dev server) keeps between builds: rendered posts, pages, feeds and the sitemap. */
export interface BuildCache {
  readonly posts: RenderCache;
  readonly pages: PageCache;
  readonly texts: TextCache;
  /** Parsed headers, in the CLI's cache folder (the dev server keeps its posts' objects, each parsed once). */
  readonly headers?: HeaderCache | undefined;
}

/** An empty in-memory BuildCache; with a store (the CLI's cache folder), one that also reads and writes it. */
export const createBuildCache = (store?: EntryStore): BuildCache => ({
  posts: createRenderCache(store),
  pages: createPageCache(store),
  texts: createTextCache(store),
});
