/** Coalesces a burst of changes into one run, and never runs two at once. */
export interface RebuildScheduler<T> {
  /** Queues one change; the run starts once changes stop arriving for `delayMs`. */
  add(item: T): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Drops queued changes and waits for a running rebuild to end. */
  close(): Promise<void>;
}

/** Timers, injectable so that tests can use fake ones. */
export interface SchedulerOptions<T> {
  readonly delayMs: number;
  /** A burst that never pauses still runs after this long. */
  readonly maxDelayMs?: number;
  readonly run: (batch: readonly T[]) => Promise<void>;
}

/**
 * A trailing debounce with one rule for overlap: changes that arrive while a run is going
 * wait for it, then make exactly one more run (debounced again), however many there were.
 */
export function createRebuildScheduler<T>(options: SchedulerOptions<T>): RebuildScheduler<T> {
  const maxDelayMs = options.maxDelayMs ?? options.delayMs * 10;
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstQueuedAt = 0;
  let running: Promise<void> | undefined;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (running || timer || pending.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const arm = () => {
    if (timer) clearTimeout(timer);
    const waited = Date.now() - firstQueuedAt;
    timer = setTimeout(fire, Math.max(0, Math.min(options.delayMs, maxDelayMs - waited)));
  };
  const fire = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    running = options.run(batch).catch(() => undefined).then(() => {
      running = undefined;
      if (pending.length > 0 && !closed) {
        firstQueuedAt = Date.now();
        arm();
      }
      settleIdle();
    });
  };
  return {
    add(item) {
      if (closed) return;
      if (pending.length === 0) firstQueuedAt = Date.now();
      pending.push(item);
      if (!running) arm();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
      await running;
      settleIdle();
    },
  };
}
