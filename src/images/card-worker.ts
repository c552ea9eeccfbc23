/**
 * A worker thread that draws social cards: it receives card markup (the card template's
 * output, rendered on the main thread) and answers with the PNG, drawn by the same
 * renderCard as on the main thread, so the bytes do not depend on the thread.
 */
import { parentPort } from "node:worker_threads";
import { renderCard } from "./render-card.js";
import type { CardJob, CardAnswer } from "./card-threads.js";

parentPort?.on("message", (job: CardJob) => {
  void renderCard(job.html).then(
    (png) => {
      // A copy of its own, so that it can be moved to the main thread rather than copied again.
      const bytes = new Uint8Array(png);
      parentPort?.postMessage({ id: job.id, png: bytes } satisfies CardAnswer, [bytes.buffer]);
    },
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies CardAnswer),
  );
});
