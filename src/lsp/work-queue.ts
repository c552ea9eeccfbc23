/**
 * One piece of work at a time, each named once: a file's check asked for ten times while
 * another runs is run once, on its latest text. Edits arrive faster than a post is checked
 * on a busy machine; checking every intermediate text would only fall behind.
 */
export interface WorkQueue {
  /**
   * Queues `work` under `name`, replacing queued work of that name. Work `later` (re-checks
   * of other open files after an edit moved a slug) waits until no other work is queued, so
   * the file being typed in is answered first.
   */
  add(name: string, work: () => Promise<void>, later?: boolean): void;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
}

/** A queue whose failures go to `onError` (a check that throws must not stop the next). */
export function createWorkQueue(onError: (e: unknown) => void): WorkQueue {
  const now = new Map<string, () => Promise<void>>();
  const later = new Map<string, () => Promise<void>>();
  let running: Promise<void> | undefined;
  const drain = async () => {
    for (let next = first(now) ?? first(later); next !== undefined; next = first(now) ?? first(later)) {
      const [name, work] = next;
      now.delete(name);
      later.delete(name);
      try {
        await work();
      } catch (e) {
        onError(e);
      }
    }
    running = undefined;
  };
  return {
    add(name, work, isLater = false) {
      // Work asked for now that was waiting for later is done now.
      if (isLater && now.has(name)) now.set(name, work);
      else {
        later.delete(name);
        (isLater ? later : now).set(name, work);
      }
      running ??= drain();
    },
    idle: () => running ?? Promise.resolve(),
  };
}

const first = <K, V>(map: Map<K, V>): [K, V] | undefined => map.entries().next().value;
