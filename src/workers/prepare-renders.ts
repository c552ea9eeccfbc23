import type { LazyRenderer } from "../cache/lazy-renderer.js";
import type { RenderContext } from "../markdown/render-context.js";
import type { Post, RenderedPost, Rendering, SourceFile } from "../model.js";
import { parkRendering } from "../output/parked-rendering.js";
import type { RenderCache } from "../cache/render-cache.js";
import { mapInSteps, stepRunner, type StepRunner } from "../timings/run-steps.js";

/**
 * The render step, ready to run synchronously: cached renderings are looked up first, so
 * that the markdown pipeline and the highlighter's grammars load only for the posts that
 * must render (none in a warm build), and the code that renders them (threads, budgets,
 * render-misses.ts) only when there is one.
 */
export async function prepareRenders(
  all: readonly Post[],
  context: RenderContext,
  lazy: LazyRenderer,
  { cache, threads, park, parkSource, inTurns = stepRunner(undefined) }: {
    /** Renderings kept from earlier builds (the BuildCache's posts); undefined: render every post. */
    cache: RenderCache | undefined;
    threads: number | undefined;
    /** Where renderings' HTML waits for its pages (see output/parked-rendering.ts); undefined: in memory. */
    park?: ((text: string) => () => string) | undefined;
    /** Told each source whose text is needed no more in memory (see BuildSiteOptions.parkSource). */
    parkSource?: ((source: SourceFile) => void) | undefined;
    /** How the lookups run: at once, or in turns with the event loop (the dev server). */
    inTurns?: StepRunner | undefined;
  },
): Promise<(post: Post) => Rendering> {
  // A build to disk parks every rendering's HTML until its pages are made, cached ones too.
  const parked = (rendered: RenderedPost): Rendering => {
    const rendering = park ? parkRendering(rendered, park) : rendered;
    parkSource?.(rendered.post.source);
    return rendering;
  };
  const hits = new Map<Post, Rendering>();
  await inTurns("cache lookups", mapInSteps(cache ? all : [], (post) => {
    const hit = cache?.lookup(post, context, lazy.renderer);
    if (hit) hits.set(post, parked(hit));
  }));
  if (all.every((post) => hits.has(post))) return (post) => hits.get(post) ?? notGiven();
  const { renderMisses } = await import("./render-misses.js");
  return renderMisses({ all, hits, context, lazy, cache, threads, parked, parkSource });
}

function notGiven(): never {
  throw new Error("prepareRenders: asked for a post it was not given");
}
