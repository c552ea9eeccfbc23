import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { RenderContext } from "../markdown/render-context.js";
import type { Post } from "../model.js";
import { packageRootDir } from "../config/package-paths.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import type { RenderRequest, RenderResponse } from "./render-job.js";

/** The render worker. */
// Workers run the compiled renderer (lib/), also when the caller runs from src/ in tests.
export const workerScript = path.join(packageRootDir, "lib/workers/render-worker.js");

/**
 * The heap of each render thread. Parsing a post makes many objects that live for one post:
 * with V8's default young generation (48 MB) many of them survived two scavenges and were
 * promoted, to be collected by full collections. A larger one lets them die young; on the
 * 1,000-post bench it cut the workers' CPU time by about a tenth.
 */
export const workerHeap = { maxYoungGenerationSizeMb: 96 };

/** Below this many posts to render, starting threads costs more than it saves. */
export const minPostsForWorkers = 48;
const batchSize = 8;

/** How many render threads this machine should use: one per core, none on a single core. */
export function renderThreadCount(posts: number): number {
  const cores = availableParallelism();
  if (cores < 2 || posts < minPostsForWorkers || !existsSync(workerScript)) return 0;
  return Math.min(cores, Math.ceil(posts / batchSize));
}

/** How busy one render thread was: the CPU it used, and the time from its start to its last batch's answer. */
export interface ThreadUse {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/**
 * Renders posts across `threads` worker threads, in small batches handed to whichever
 * thread is free, and hands each outcome to `rendered` with the post's index in `posts` as
 * it arrives (so that the caller need not hold them all). Each render is the same pure
 * function as on the main thread, so the result does not depend on the split. Returns how
 * busy each thread was.
 *
 * A thread that fails (its heap exhausted by a huge post, a render that throws) stops taking
 * batches, and the posts it did not render are never handed over: the caller renders them
 * on its own thread, where a real error is reported as such rather than as a dead worker.
 */
export async function renderInWorkers(
  posts: readonly Post[],
  context: RenderContext,
  threads: number,
  rendered: (index: number, outcome: RenderOutcome) => void,
  script = workerScript,
): Promise<ThreadUse[]> {
  const batches: number[] = [];
  for (let start = 0; start < posts.length; start += batchSize) batches.push(start);
  const started = performance.now();
  const workers = Array.from({ length: threads }, () => new Worker(script, { resourceLimits: workerHeap }));
  try {
    return await Promise.all(workers.map((worker) => drain(worker, batches, posts, context, rendered, started)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Feeds one worker batches until none is left, or until it fails (its batch is then left undone). */
function drain(
  worker: Worker,
  batches: number[],
  posts: readonly Post[],
  context: RenderContext,
  rendered: (index: number, outcome: RenderOutcome) => void,
  started: number,
): Promise<ThreadUse> {
  return new Promise((resolve) => {
    let use: ThreadUse = { cpuMs: 0, wallMs: 0 };
    const done = () => resolve(use);
    const next = () => {
      const start = batches.shift();
      if (start === undefined) return done();
      const request: RenderRequest = { kind: "render", batch: start, posts: posts.slice(start, start + batchSize) };
      worker.postMessage(request);
    };
    worker.on("message", (response: RenderResponse) => {
      if (response.kind === "failed") return done();
      use = { cpuMs: response.cpuMs, wallMs: performance.now() - started };
      response.outcomes.forEach((outcome, i) => rendered(response.batch + i, outcome));
      next();
    });
    worker.on("error", done);
    worker.on("exit", done);
    worker.postMessage({ kind: "context", context } satisfies RenderRequest);
    next();
  });
}
