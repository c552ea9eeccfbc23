/**
 * One piece of work at a time, each named once: a file's check asked for ten times while
 * another runs is run once, on its latest text. Edits arrive faster than a post is checked
 * on a busy machine; checking every intermediate text would only fall behind.
 */
export interface WorkQueue {
  /** Queues `work` under `name` (replacing queued work of that name); it runs after what is queued before it. */
  add(name: string, work: () => Promise<void>): void;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
}

/** A queue whose failures go to `onError` (a check that throws must not stop the next). */
export function createWorkQueue(onError: (e: unknown) => void): WorkQueue {
  const queued = new Map<string, () => Promise<void>>();
  let running: Promise<void> | undefined;
  const drain = async () => {
    for (let next = first(queued); next !== undefined; next = first(queued)) {
      const [name, work] = next;
      queued.delete(name);
      try {
        await work();
      } catch (e) {
        onError(e);
      }
    }
    running = undefined;
  };
  return {
    add(name, work) {
      queued.delete(name);
      queued.set(name, work);
      running ??= drain();
    },
    idle: () => running ?? Promise.resolve(),
  };
}

const first = <K, V>(map: Map<K, V>): [K, V] | undefined => map.entries().next().value;
