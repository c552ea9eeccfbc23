import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { packageRootDir } from "../config/package-paths.js";

/** One card for a card thread to draw. */
export interface CardJob {
  readonly id: number;
  readonly html: string;
}

/** A card thread's answer: the PNG, or why satori or sharp refused the markup. */
export type CardAnswer = { readonly id: number; readonly png: Uint8Array } | { readonly id: number; readonly error: string };

// Workers run the compiled code (lib/), also when the caller runs from src/ in tests.
const cardWorkerScript = path.join(packageRootDir, "lib/images/card-worker.js");

/**
 * Below this many cards to draw, card threads cost more than they save: each starts by
 * loading satori and sharp and drawing a slow first card (about 0.8 s of CPU), and on two
 * cores the main thread already keeps both busy (satori here, sharp on libuv's threads).
 * They pay off by drawing while the main thread assembles a large site, and on more cores.
 */
export const minCardsForThreads = 100;

/** How many card threads to use for `cards` cards: up to one per core, each with 50 cards or more to amortise its start; none on one core or for a few cards. */
export function cardThreadCount(cards: number): number {
  const cores = availableParallelism();
  if (cores < 2 || cards < minCardsForThreads || !existsSync(cardWorkerScript)) return 0;
  return Math.min(cores, Math.floor(cards / 50));
}

/**
 * Draws each markup in `htmls` across `threads` worker threads and hands each answer to
 * `drawn` with its index in `htmls` as it arrives (a 20,000-post blog's cards are 1.2 GB:
 * not held until the last). Every card is handed to its thread before this returns (round
 * robin: the cards cost about the same), so the threads draw while the caller's thread is
 * busy and cannot answer messages. A thread that dies leaves its cards as errors (the build
 * reports them), never a hang.
 */
export async function drawInThreads(htmls: readonly string[], threads: number, drawn: (index: number, png: Uint8Array | Error) => void, script = cardWorkerScript): Promise<void> {
  const answered = new Set<number>();
  const answer = (id: number, png: Uint8Array | Error) => {
    if (answered.has(id)) return;
    answered.add(id);
    drawn(id, png);
  };
  const workers = Array.from({ length: Math.max(1, Math.min(threads, htmls.length)) }, () => new Worker(script));
  const finished = workers.map((worker, w) => new Promise<void>((resolve) => {
    const mine = htmls.flatMap((_, id) => (id % workers.length === w ? [id] : []));
    let left = mine.length;
    if (left === 0) return resolve();
    worker.on("message", (reply: CardAnswer) => {
      answer(reply.id, "png" in reply ? reply.png : new Error(reply.error));
      if (--left === 0) resolve();
    });
    const died = (e?: unknown) => {
      for (const id of mine) answer(id, new Error(`the card thread stopped: ${e instanceof Error ? e.message : "it exited"}`));
      resolve();
    };
    worker.on("error", died);
    worker.on("exit", died);
    for (const id of mine) worker.postMessage({ id, html: htmls[id]! } satisfies CardJob);
  }));
  try {
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
