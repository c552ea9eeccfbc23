import type { Turns } from "../timings/run-steps.js";

/** Runs work one at a time, in the order given. */
export function createTurns() {
  let turn: Promise<unknown> = Promise.resolve();
  return {
    next<T>(work: () => Promise<T>): Promise<T> {
      const result = turn.then(work);
      turn = result.catch(() => undefined);
      return result;
    },
  };
}

/**
 * How long a whole build runs before it gives requests and quick answers a turn. Measured at
 * 4,000 posts, a dev rebuild after an edit took 420–510 ms at once and 460–550 ms in turns of
 * 8 ms, on a machine whose load moved about as much.
 */
const turnEveryMs = 8;
/** How long a hold lasts when no quick answer ends it (the write was to no post, or came to nothing). */
const holdMs = 150;

/** Turns for the dev server's whole builds, which `hold` pauses between two turns until `release`, or for a while. */
export interface BuildHold {
  readonly turns: Turns;
  hold(ms?: number): void;
  release(): void;
}

/** A BuildHold of turns of `everyMs`. */
export function createBuildHold(everyMs = turnEveryMs): BuildHold {
  let until = 0;
  let wake: (() => void) | undefined;
  return {
    turns: {
      everyMs,
      async between() {
        await new Promise((resolve) => setImmediate(resolve));
        while (performance.now() < until) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, until - performance.now());
          });
        }
        wake = undefined;
      },
    },
    hold(ms = holdMs) {
      until = Math.max(until, performance.now() + ms);
    },
    release() {
      until = 0;
      wake?.();
    },
  };
}
