import type { EntryStore } from "./entry-store.js";

/**
 * Values kept across builds under content keys: in `store` when there is one (the CLI's
 * cache folder), else in memory (what the last build and this one used; the dev server).
 * `prune` after a build forgets what that build did not use, so a long dev session does not
 * grow. A process with a store builds once and reads each entry once: copies in memory
 * would only hold every page of the site until it ends.
 */
export interface KeptEntries<T> {
  /** The value kept under `key` (the store's; else this build's or the last build's); marks it used. */
  get(key: string): T | undefined;
  /** Keeps `value` under `key`, in the store or in memory. */
  keep(key: string, value: T): void;
  prune(): void;
}

export function createKeptEntries<T>(namespace: string, isValid: (value: unknown) => value is T, store?: EntryStore): KeptEntries<T> {
  if (store) {
    return {
      get: (key) => store.read(namespace, key, isValid),
      keep: (key, value) => store.write(namespace, key, value),
      prune: () => {},
    };
  }
  let entries = new Map<string, T>();
  let used = new Map<string, T>();
  return {
    get(key) {
      const found = used.get(key) ?? entries.get(key);
      if (found !== undefined) used.set(key, found);
      return found;
    },
    keep(key, value) {
      used.set(key, value);
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}
