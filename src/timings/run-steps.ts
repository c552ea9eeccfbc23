import { timed } from "./stage-timings.js";

/**
 * Work that pauses (yields) between its steps, and its result. A step should take well under
 * a few milliseconds: a long-lived process runs such work in turns with the event loop.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once (a build from the command line has nothing else to serve). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How a long-lived process runs steps: in turns of `everyMs`, and what happens between two turns. */
export interface Turns {
  readonly everyMs: number;
  /** Resolves when the next turn may start: after the event loop has run (and while the dev server holds a build, later). */
  between(): Promise<void>;
}

/**
 * Runs the steps in turns of about `turns.everyMs` each, timed as `stage`, letting the event
 * loop run in between: a request, a file watcher's event or a quick answer waits one turn,
 * not for the whole work.
 */
export async function runStepsInTurns<T>(steps: Steps<T>, turns: Turns, stage: string): Promise<T> {
  for (;;) {
    const step = timed(stage, () => {
      const end = performance.now() + turns.everyMs;
      for (;;) {
        const next = steps.next();
        if (next.done || performance.now() >= end) return next;
      }
    });
    if (step.done) return step.value;
    await turns.between();
  }
}

/** Runs steps as a stage of a build: at once, or in turns (runStepsInTurns). */
export type StepRunner = <T>(stage: string, steps: Steps<T>) => Promise<T>;

/** A StepRunner that runs in `turns` when given them, else at once. */
export function stepRunner(turns: Turns | undefined): StepRunner {
  return (stage, steps) => (turns === undefined ? Promise.resolve(timed(stage, () => runSteps(steps))) : runStepsInTurns(steps, turns, stage));
}

/** `steps` with each step timed as `stage` (nested in whatever stage runs them, as `timed` nests). */
export function* timedSteps<T>(stage: string, steps: Steps<T>): Steps<T> {
  for (;;) {
    const step = timed(stage, () => steps.next());
    if (step.done) return step.value;
    yield;
  }
}

/** `items.map(each)`, a step after each item. */
export function* mapInSteps<T, U>(items: readonly T[], each: (item: T) => U): Steps<U[]> {
  const out: U[] = [];
  for (const item of items) {
    out.push(each(item));
    yield;
  }
  return out;
}
