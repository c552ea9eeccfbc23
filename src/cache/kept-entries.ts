import type { EntryStore } from "./entry-store.js";

/**
 * Values kept across builds under content keys: in memory (what the last build and this one
 * used), and in `store` when there is one (the CLI's cache folder). `prune` after a build
 * forgets what that build did not use, so a long dev session does not grow.
 */
export interface KeptEntries<T> {
  /** The value kept under `key` (this build's, the last build's, then the store's); marks it used. */
  get(key: string): T | undefined;
  /** Keeps `value` under `key`, in memory and in the store. */
  keep(key: string, value: T): void;
  prune(): void;
}

export function createKeptEntries<T>(namespace: string, isValid: (value: unknown) => value is T, store?: EntryStore): KeptEntries<T> {
  let entries = new Map<string, T>();
  let used = new Map<string, T>();
  return {
    get(key) {
      const found = used.get(key) ?? entries.get(key) ?? store?.read(namespace, key, isValid);
      if (found !== undefined) used.set(key, found);
      return found;
    },
    keep(key, value) {
      used.set(key, value);
      store?.write(namespace, key, value);
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}
