import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { RenderContext } from "../markdown/render-context.js";
import type { Post, RenderedPost } from "../model.js";
import { overMemory } from "./render-budget.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import type { RenderRequest, RenderResponse } from "./render-job.js";
import { workerHeap, workerScript } from "./render-pool.js";

/**
 * Posts at least this long render in a thread of their own, whose heap is capped. Parsing
 * takes hundreds of times a post's size in memory (a 2 MB post of prose: 0.9 GB; a 4 MB post of
 * 100,000 links: 2.5 GB), and on the main thread nothing could stop it; below this size a
 * post needs at most a few hundred MB.
 */
export const bigPostChars = 512 * 1024;

/** What rendering one post alone gave: its outcome, "memory" (its thread's heap ran out), or "failed". */
export type AloneResult = { readonly outcome: RenderOutcome } | "memory" | "failed";

/**
 * Renders one post in a new worker thread whose old generation may grow to `memoryMiB`. A
 * post that needs more ends its thread (ERR_WORKER_OUT_OF_MEMORY) instead of the build's
 * process. "failed" (any other end) leaves the post to the caller, which renders it itself.
 */
export function renderAlone(post: Post, context: RenderContext, memoryMiB: number, script = workerScript): Promise<AloneResult> {
  const worker = new Worker(script, { resourceLimits: { ...workerHeap, maxOldGenerationSizeMb: memoryMiB } });
  const result = new Promise<AloneResult>((resolve) => {
    worker.on("message", (response: RenderResponse) => {
      const outcome = response.kind === "rendered" ? response.outcomes[0] : undefined;
      resolve(outcome ? { outcome } : "failed");
    });
    worker.on("error", (e: Error & { code?: string }) => resolve(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed"));
    worker.on("exit", () => resolve("failed"));
  });
  worker.postMessage({ kind: "context", context } satisfies RenderRequest);
  worker.postMessage({ kind: "render", batch: 0, posts: [post] } satisfies RenderRequest);
  return result.finally(() => worker.terminate());
}

/**
 * Renders each post of at least bigPostChars alone, one after another (two at once could
 * need twice the memory), handing over each outcome, or a post's render-budget error when its
 * thread ran out of the site's renderMemoryMiB. Posts it could not render are left alone.
 */
export async function renderBigPosts(
  posts: readonly Post[],
  context: RenderContext,
  rendered: (post: Post, outcome: RenderOutcome) => void,
  refused: (post: Post, error: RenderedPost) => void,
): Promise<void> {
  if (!existsSync(workerScript)) return;
  const memoryMiB = context.config.renderMemoryMiB;
  for (const post of posts) {
    if (post.source.text.length < bigPostChars) continue;
    const result = await renderAlone(post, context, memoryMiB);
    if (result === "memory") refused(post, overMemory(post, memoryMiB));
    else if (result !== "failed") rendered(post, result.outcome);
  }
}
