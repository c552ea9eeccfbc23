import type { RenderContext } from "../markdown/render-context.js";
import type { Post, RenderedPost } from "../model.js";
import type { MapReads } from "../cache/recording-map.js";

/** A rendered post as it crosses a thread: without its Post (the main thread has it). */
export type RenderedBody = Omit<RenderedPost, "post">;

/** What rendering one post produced, with the index entries it looked at (for the render cache). */
export interface RenderOutcome {
  readonly body: RenderedBody;
  readonly linkReads: MapReads;
  readonly assetReads: MapReads;
  /** The render outlasted the budget: `body` is the post's error, never to be cached. */
  readonly overBudget?: true;
}

/** A message to a render worker: the build's context (once), then batches of posts. */
export type RenderRequest =
  | { readonly kind: "context"; readonly context: RenderContext }
  | { readonly kind: "render"; readonly batch: number; readonly posts: readonly Post[] };

/** A worker's answer to one batch. */
export type RenderResponse =
  | { readonly kind: "rendered"; readonly batch: number; readonly outcomes: readonly RenderOutcome[] }
  | { readonly kind: "failed"; readonly batch: number; readonly message: string };
