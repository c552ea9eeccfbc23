/**
 * A worker thread that renders posts with daylight's own renderer (no site plugins: those
 * are functions, which cannot cross threads). It receives the build's context once, then
 * batches of posts, and answers each batch with the rendered bodies and their index reads.
 */
import { parentPort } from "node:worker_threads";
import { prepareHighlighting } from "../markdown/create-post-renderer.js";
import type { RenderContext } from "../markdown/render-context.js";
import { renderPost } from "../markdown/render-post.js";
import type { Post } from "../model.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import type { RenderRequest, RenderResponse } from "./render-job.js";
import { RenderBudgetExceeded } from "./render-budget.js";
import { renderWithReads } from "./render-with-reads.js";
import { threadCpuMs } from "./thread-cpu.js";

let context: RenderContext | undefined;

parentPort?.on("message", (request: RenderRequest) => {
  if (request.kind === "context") {
    context = request.context;
    return;
  }
  void renderBatch(request.batch, request.posts).then((response) => parentPort?.postMessage(response));
});

/** A post's outcome, or its render-budget error when it ran over (the batch goes on). */
function renderOrStop(post: Post, current: RenderContext): RenderOutcome {
  try {
    return renderWithReads(post, current, renderPost);
  } catch (e) {
    if (!(e instanceof RenderBudgetExceeded)) throw e;
    const { post: _post, ...body } = e.rendered;
    const none = { values: new Map<string, string | undefined>(), wholeHash: undefined };
    return { body, linkReads: none, assetReads: none, overBudget: true };
  }
}

async function renderBatch(batch: number, posts: Extract<RenderRequest, { kind: "render" }>["posts"]): Promise<RenderResponse> {
  try {
    if (context === undefined) throw new Error("render worker: a batch arrived before the context");
    await prepareHighlighting(posts);
    const current = context;
    const outcomes = posts.map((post) => renderOrStop(post, current));
    return { kind: "rendered", batch, outcomes, cpuMs: threadCpuMs() };
  } catch (e) {
    return { kind: "failed", batch, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
