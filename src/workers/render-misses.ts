import type { LazyRenderer } from "../cache/lazy-renderer.js";
import { builtinRendererKey } from "../cache/lazy-renderer.js";
import type { RenderCache } from "../cache/render-cache.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import type { RenderContext } from "../markdown/render-context.js";
import type { Post, RenderedPost, Rendering, SourceFile } from "../model.js";
import { noteTiming, timedAsync } from "../timings/stage-timings.js";
import { bigPostChars, renderBigPosts } from "./render-alone.js";
import { RenderBudgetExceeded, withinBudget } from "./render-budget.js";
import { renderInWorkers, renderThreadCount, type ThreadUse } from "./render-pool.js";
import { renderThroughCache } from "./render-with-reads.js";

/** What prepareRenders hands over once the cache has answered. */
export interface MissesInput {
  readonly all: readonly Post[];
  /** The renderings found so far (cached ones, parked); this adds the others as they are made. */
  readonly hits: Map<Post, Rendering>;
  readonly context: RenderContext;
  readonly lazy: LazyRenderer;
  readonly cache: RenderCache | undefined;
  readonly threads: number | undefined;
  /** The rendering as the build keeps it (its HTML parked when the build writes to disk). */
  readonly parked: (rendered: RenderedPost) => Rendering;
  /** Told each post's source whose text need not wait in memory for a render thread (see BuildSiteOptions.parkSource). */
  readonly parkSource?: ((source: SourceFile) => void) | undefined;
}

/**
 * Renders the posts the cache did not have: big ones alone in capped threads, many in worker
 * threads, the rest on this thread on demand. Its own module, loaded only when some post
 * must render, so that a warm build loads no thread or budget code.
 */
export async function renderMisses({ all, hits, context, lazy, cache, threads: wanted, parked, parkSource }: MissesInput) {
  const { renderer } = lazy;
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
    // A cold build's memory peaks as the threads start: the texts waiting for them are parked
    // first, and each read back as its batch is sent (20,000 posts: 200 MB not held meanwhile).
    if (parkSource) for (const post of misses) parkSource(post.source);
    const uses = await timedAsync("render posts in workers", () => renderInWorkers(misses, context, threads, (i, outcome) => keep(misses[i] as Post, outcome)));
    noteTiming(describeThreadUse(uses));
  }
  if (failure) throw failure.error;
  // What no thread rendered (none was started, or one failed) renders here, on demand.
  const left = misses.filter((post) => !hits.has(post));
  if (left.length > 0) {
    await lazy.load();
    await (await import("../markdown/create-post-renderer.js")).prepareHighlighting(left);
  }
  return (post: Post): Rendering => hits.get(post) ?? parked(renderHere(post, context, renderer, cache));
}

/** "2 render threads, busy 96% and 93% of their 15.2 s and 15.3 s": CPU over wall time, each. */
export function describeThreadUse(uses: readonly ThreadUse[]): string {
  const percent = uses.map((use) => `${use.wallMs > 0 ? Math.round((100 * use.cpuMs) / use.wallMs) : 0}%`);
  const seconds = uses.map((use) => `${(use.wallMs / 1000).toFixed(1)} s`);
  const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
  return `${uses.length} render thread${uses.length === 1 ? "" : "s"}, busy ${list(percent)} of ${uses.length === 1 ? "its" : "their"} ${list(seconds)}`;
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
