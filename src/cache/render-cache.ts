import { createHash } from "node:crypto";
import type { EntryStore } from "./entry-store.js";
import { createKeptEntries, type StoredForm } from "./kept-entries.js";
import { fromStoredRender, isStoredRender, toStoredRender, type RenderEntry, type StoredRender } from "./stored-render.js";
import type { AssetIndex, LinkIndex, Post, RenderedPost } from "../model.js";
import { builtinRendererKey } from "./lazy-renderer.js";
import type { KeyedRenderer } from "../markdown/keyed-renderer.js";
import type { RenderContext } from "../markdown/render-context.js";
import { memoizeByIdentity } from "../memo/identity-memo.js";
import { wholeHash, type MapReads } from "./recording-map.js";
import type { RenderOutcome } from "./render-outcome.js";

/**
 * Rendered posts kept by content (ARCHITECTURE §4): an entry is reused when the post's
 * source and the config are the same and every index entry the render looked at still
 * holds what it held then. A rebuild after one edit so costs one render.
 */
export interface RenderCache {
  /** The cached rendering when there is a valid one (in memory, then in the store); else undefined. */
  lookup(post: Post, context: RenderContext, renderer: KeyedRenderer): RenderedPost | undefined;
  /** Stores a rendering (made by renderWithReads, here or in a worker thread), with the index reads it made. */
  add(post: Post, context: RenderContext, renderer: KeyedRenderer, outcome: RenderOutcome): RenderedPost;
  /** Forgets entries that the last build did not use, so a long dev session does not grow. */
  prune(): void;
}

/** A RenderEntry in the store: the rendering without its Post, which the build gives back on reading. */
const storedForm: StoredForm<RenderEntry, StoredRender, Post> = {
  namespace: "post",
  isStored: isStoredRender,
  toStored: toStoredRender,
  fromStored: fromStoredRender,
};

/**
 * A RenderCache in memory, backed by `store` when one is given (the CLI's cache folder).
 * Only renders by daylight's own pipeline are stored: a site's plugins are code that may
 * import anything, which no key can vouch for, so their renders live for one process.
 */
export function createRenderCache(store?: EntryStore): RenderCache {
  const builtin = createKeptEntries(storedForm, store);
  const withPlugins = createKeptEntries(storedForm);
  const kept = (renderer: KeyedRenderer) => (renderer.key === builtinRendererKey ? builtin : withPlugins);
  const find = (key: string, post: Post, context: RenderContext, renderer: KeyedRenderer) => {
    const found = kept(renderer).get(key, post);
    return found && stillValid(found, context) ? found.rendered : undefined;
  };
  const keep = (key: string, post: Post, renderer: KeyedRenderer, outcome: RenderOutcome) => {
    const entry = { rendered: { post, ...outcome.body }, linkReads: outcome.linkReads, assetReads: outcome.assetReads };
    // A rendering that failed (too deep for this thread's stack, out of its time budget) says
    // more about the machine than the post: it is never kept, and the next build tries again.
    if (!failed(outcome)) kept(renderer).keep(key, entry);
    return entry.rendered;
  };
  return {
    lookup: (post, context, renderer) => find(cacheKey(post, context, renderer.key), post, context, renderer),
    add: (post, context, renderer, outcome) => keep(cacheKey(post, context, renderer.key), post, renderer, outcome),
    prune() {
      builtin.prune();
      withPlugins.prune();
    },
  };
}

/** Errors that are the post's own content (a link to no post, no file): a function of the inputs like any rendering, kept. */
const contentErrors = new Set(["broken-post-link", "missing-file"]);

/** A rendering cut short (too deep, over budget, a failed thread) is never kept: the next build tries again. */
const failed = (outcome: RenderOutcome): boolean =>
  outcome.body.diagnostics.some((d) => d.severity === "error" && !contentErrors.has(d.rule));

function cacheKey(post: Post, context: RenderContext, rendererKey: string): string {
  return keyOf(post, variantOf(context.config, rendererKey) + pagesKeyOf(context.pages));
}

// Which standalone pages exist decides whether a link such as `/about/` is rewritten. Pages
// come and go rarely, so their paths are part of every key rather than a recorded read.
const pagesKeyOf = (pages: ReadonlySet<string> | undefined): string =>
  pages === undefined || pages.size === 0 ? "" : createHash("sha256").update(JSON.stringify([...pages].sort())).digest("hex");

// The config's "rules" only change severities after rendering: a new setting renders nothing again.
// (Digested afresh for each post: a few microseconds, nothing to remember.)
const variantOf = (config: RenderContext["config"], rendererKey: string): string =>
  createHash("sha256").update(`${rendererKey}\0${JSON.stringify({ ...config, rules: undefined })}`).digest("hex");

// Hashing every post's text on every dev rebuild cost more than the rebuild's one render:
// a post object (kept while its file is unchanged) remembers its key. Measured (a dev rebuild
// after a one-post edit, 1,000-post bench corpus, median CPU): 129 ms with, 165 ms without.
const keyOf = memoizeByIdentity((post: Post, variant: string) =>
  createHash("sha256")
    .update(JSON.stringify([variant, post.kind, post.source.path, post.format]))
    .update("\0")
    .update(post.source.text)
    .digest("hex"),
);

function stillValid(entry: RenderEntry, context: RenderContext): boolean {
  return sameReads(entry.linkReads, context.links.posts) && sameReads(entry.assetReads, context.assets);
}

function sameReads(reads: MapReads, map: LinkIndex["posts"] | AssetIndex): boolean {
  if (reads.wholeHash !== undefined && reads.wholeHash !== wholeHash(map)) return false;
  for (const [key, value] of reads.values) {
    if (JSON.stringify(map.get(key)) !== value) return false;
  }
  return true;
}

// Each check makes the JSON of the entries a post read (three or so small objects): remembering
// it by object saved nothing measurable (a dev rebuild after a one-post edit on the 1,000-post
// bench corpus: 129 ms of CPU with the memo, 136 without, within the noise).
