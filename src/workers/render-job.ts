import type { RenderContext } from "../markdown/render-context.js";
import type { Post } from "../model.js";
import type { RenderOutcome } from "../cache/render-outcome.js";

/** A message to a render worker: the build's context (once), then batches of posts. */
export type RenderRequest =
  | { readonly kind: "context"; readonly context: RenderContext }
  | { readonly kind: "render"; readonly batch: number; readonly posts: readonly Post[] };

/** A worker's answer to one batch. */
export type RenderResponse =
  | {
      readonly kind: "rendered";
      readonly batch: number;
      readonly outcomes: readonly RenderOutcome[];
      /** CPU the thread has used since it started, in ms (how busy the render threads were: --timings). */
      readonly cpuMs: number;
    }
  | { readonly kind: "failed"; readonly batch: number; readonly message: string };
