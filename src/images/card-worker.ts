/**
 * A worker thread that draws social cards: it receives card markup (the card template's
 * output, rendered on the main thread) and answers with the PNG, drawn by the same cardSvg
 * and cardPng as on the main thread, so the bytes do not depend on the thread.
 */
import { parentPort } from "node:worker_threads";
import { cardPng, cardSvg } from "./render-card.js";
import type { CardJob, CardAnswer } from "./card-threads.js";

/**
 * Cards are taken one at a time, satori laying out the next while sharp rasterises the last
 * (on libuv's threads): the jobs all arrive at once, and starting them all at once made the
 * thread hold every half-made card, with no PNG until the last layout (twice the wall time).
 */
const RASTERS_AT_ONCE = 2;
const waiting: CardJob[] = [];
const rastering = new Set<Promise<void>>();
let running = false;

parentPort?.on("message", (job: CardJob) => {
  waiting.push(job);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let job = waiting.shift(); job !== undefined; job = waiting.shift()) {
    const { id } = job;
    const fail = (e: unknown) => parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies CardAnswer);
    const svg = await cardSvg(job.html).catch((e: unknown) => void fail(e));
    if (svg === undefined) continue;
    const done = (): void => void rastering.delete(sent);
    const sent: Promise<void> = cardPng(svg).then((png) => {
      // A copy of its own, so that it can be moved to the main thread rather than copied again.
      const bytes = new Uint8Array(png);
      parentPort?.postMessage({ id, png: bytes } satisfies CardAnswer, [bytes.buffer]);
    }, fail).then(done, done);
    rastering.add(sent);
    if (rastering.size >= RASTERS_AT_ONCE) await Promise.race(rastering);
  }
  running = false;
}
