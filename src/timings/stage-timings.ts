/**
 * Where a build's time goes, stage by stage (`daylight build --timings`). Timing only
 * observes: no stage reads it. A stage timed inside another counts for itself alone (its
 * time is taken out of the enclosing one), so the stages add up to the build.
 */
const totals = new Map<string, { ms: number; calls: number }>();
const notes: string[] = [];
const running: Array<{ inner: number }> = [];

/** Runs `work`, adding its time (minus that of stages timed within it) to `stage`. */
export function timed<T>(stage: string, work: () => T): T {
  const frame = { inner: 0 };
  running.push(frame);
  const started = performance.now();
  try {
    return work();
  } finally {
    running.pop();
    const elapsed = performance.now() - started;
    record(stage, elapsed - frame.inner);
    const outer = running.at(-1);
    if (outer) outer.inner += elapsed;
  }
}

/**
 * `timed` for asynchronous work. Other work may run while it waits, so a stage timed this
 * way is wall time and is not nested: stages timed inside it are not taken out of it.
 */
export async function timedAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    record(stage, performance.now() - started);
  }
}

function record(stage: string, ms: number): void {
  const total = totals.get(stage) ?? { ms: 0, calls: 0 };
  total.ms += ms;
  total.calls++;
  totals.set(stage, total);
}

/** Every stage timed since the last reset, in the order first seen. */
export function stageTimings(): ReadonlyArray<{ stage: string; ms: number; calls: number }> {
  return [...totals].map(([stage, { ms, calls }]) => ({ stage, ms, calls }));
}

/** Says something about the build's time that is not a stage's (how busy the render threads were). */
export function noteTiming(note: string): void {
  notes.push(note);
}

/** The notes since the last reset, in the order told. */
export function timingNotes(): readonly string[] {
  return [...notes];
}

/** Forgets what was timed (a long-lived process times each build on its own). */
export function resetStageTimings(): void {
  totals.clear();
  notes.length = 0;
}
