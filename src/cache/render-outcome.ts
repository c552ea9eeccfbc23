import type { RenderedPost } from "../model.js";
import type { MapReads } from "./recording-map.js";

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
