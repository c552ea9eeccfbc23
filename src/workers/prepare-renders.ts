import { builtinRendererKey, type LazyRenderer } from "../cache/lazy-renderer.js";
import type { RenderContext } from "../markdown/render-context.js";
import type { Post, RenderedPost } from "../model.js";
import { parkHtml } from "../output/parked-html.js";
import { bigPostChars, renderBigPosts } from "./render-alone.js";
import { RenderBudgetExceeded, withinBudget } from "./render-budget.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import { renderThroughCache } from "./render-with-reads.js";
import { renderInWorkers, renderThreadCount } from "./render-pool.js";
import type { RenderCache } from "../cache/render-cache.js";
import { timed, timedAsync } from "../timings/stage-timings.js";

/**
 * The render step, ready to run synchronously: cached renderings are looked up first, so
 * that the markdown pipeline and the highlighter's grammars load only for the posts that
 * must render (none in a warm build).
 */
export async function prepareRenders(
  all: readonly Post[],
  context: RenderContext,
  lazy: LazyRenderer,
  { cache, threads: wanted, park }: {
    /** Renderings kept from earlier builds (the BuildCache's posts); undefined: render every post. */
    cache: RenderCache | undefined;
    threads: number | undefined;
    /** Where renderings' HTML waits for its pages (see parked-html.ts); undefined: in memory. */
    park?: ((text: string) => () => string) | undefined;
  },
) {
  const { renderer } = lazy;
  // A build to disk parks every rendering's HTML until its pages are made, cached ones too.
  const parked = (rendered: RenderedPost) => (park ? parkHtml(rendered, park) : rendered);
  const hits = new Map<Post, RenderedPost>();
  timed("cache lookups", () => {
    for (const post of cache ? all : []) {
      const hit = cache?.lookup(post, context, renderer);
      if (hit) hits.set(post, parked(hit));
    }
  });
  // Each outcome is kept (and its HTML parked) as it arrives, not once all are in; one stopped
  // by the budget is the post's error, never cached. Keeping runs in the pool's message
  // handler, where a throw (a full disk under the spool) would be an uncaught exception: the
  // first failure is held and rethrown below instead.
  let failure: { error: unknown } | undefined;
  const keep = (post: Post, outcome: RenderOutcome) => {
    if (failure) return;
    try {
      hits.set(post, parked(cache && !outcome.overBudget ? cache.add(post, context, renderer, outcome) : { post, ...outcome.body }));
    } catch (error) {
      failure = { error };
    }
  };
  // Plugins are functions, which cannot cross threads: a site with plugins renders here.
  const builtin = renderer.key === builtinRendererKey;
  // A big post renders alone, in a thread whose heap is capped, so that it cannot exhaust the process's memory.
  const big = builtin ? all.filter((post) => !hits.has(post) && post.source.text.length >= bigPostChars) : [];
  if (big.length > 0) await timedAsync("render big posts alone", () => renderBigPosts(big, context, keep, (post, error) => hits.set(post, parked(error))));
  const misses = all.filter((post) => !hits.has(post));
  // Many posts to render (a cold build) go to worker threads, one per core.
  const threads = builtin ? (wanted ?? renderThreadCount(misses.length)) : 0;
  if (threads > 0) {
    await timedAsync("render posts in workers", () => renderInWorkers(misses, context, threads, (i, outcome) => keep(misses[i] as Post, outcome)));
  }
  if (failure) throw failure.error;
  // What no thread rendered (none was started, or one failed) renders here, on demand.
  const left = misses.filter((post) => !hits.has(post));
  if (left.length > 0) {
    await lazy.load();
    await (await import("../markdown/create-post-renderer.js")).prepareHighlighting(left);
  }
  return (post: Post): RenderedPost => hits.get(post) ?? parked(renderHere(post, context, renderer, cache));
}

/** Renders on this thread within the budget; a post stopped by it is its error, never cached (the cache keeps only what returned). */
function renderHere(post: Post, context: RenderContext, renderer: LazyRenderer["renderer"], cache: RenderCache | undefined): RenderedPost {
  try {
    return cache ? renderThroughCache(cache, post, context, renderer) : withinBudget(post, context.config.renderBudgetSeconds, () => renderer.render(post, context));
  } catch (e) {
    if (e instanceof RenderBudgetExceeded) return e.rendered;
    throw e;
  }
}

