import { createHash } from "node:crypto";
import type { AssetIndex, LinkIndex, Post, RenderedPost } from "./model.js";
import type { KeyedRenderer } from "./markdown/keyed-renderer.js";
import type { RenderContext } from "./markdown/render-context.js";
import { recordingMap, wholeHash, type MapReads } from "./recording-map.js";

interface CacheEntry {
  readonly rendered: RenderedPost;
  readonly linkReads: MapReads;
  readonly assetReads: MapReads;
}

/**
 * Rendered posts kept by content (ARCHITECTURE §4): an entry is reused when the post's
 * source and the config are the same and every index entry the render looked at still
 * holds what it held then. A rebuild after one edit so costs one render.
 */
export interface RenderCache {
  /** The cached rendering, or a fresh one (then stored). */
  render(post: Post, context: RenderContext, renderer: KeyedRenderer): RenderedPost;
  /** Forgets entries that the last build did not use, so a long dev session does not grow. */
  prune(): void;
  readonly stats: { hits: number; misses: number };
}

/** An in-memory RenderCache. */
export function createRenderCache(): RenderCache {
  let entries = new Map<string, CacheEntry>();
  let used = new Map<string, CacheEntry>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    render(post, context, renderer) {
      const key = cacheKey(post, context, renderer.key);
      const cached = entries.get(key) ?? used.get(key);
      if (cached && stillValid(cached, context)) {
        stats.hits++;
        used.set(key, cached);
        return cached.rendered;
      }
      stats.misses++;
      const links = recordingMap(context.links.posts);
      const assets = recordingMap(context.assets);
      const rendered = renderer.render(post, { ...context, links: { posts: links.map }, assets: assets.map });
      used.set(key, { rendered, linkReads: links.reads(), assetReads: assets.reads() });
      return rendered;
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}

function cacheKey(post: Post, context: RenderContext, rendererKey: string): string {
  return createHash("sha256")
    .update(JSON.stringify([rendererKey, context.config, post.kind, post.source.path, post.format]))
    .update("\0")
    .update(post.source.text)
    .digest("hex");
}

function stillValid(entry: CacheEntry, context: RenderContext): boolean {
  return sameReads(entry.linkReads, context.links.posts) && sameReads(entry.assetReads, context.assets);
}

function sameReads(reads: MapReads, map: LinkIndex["posts"] | AssetIndex): boolean {
  if (reads.wholeHash !== undefined && reads.wholeHash !== wholeHash(map)) return false;
  for (const [key, value] of reads.values) {
    if (JSON.stringify(map.get(key)) !== value) return false;
  }
  return true;
}
