import type { EntryStore } from "./entry-store.js";

/**
 * How one cache's values are kept in a persistent store: plain JSON data of a checked shape,
 * under the cache's own namespace. `fromStored` gets back what JSON cannot hold (a
 * rendering's Post, which holds Dates: the build parses it afresh) from the caller's context.
 */
export interface StoredForm<T, S, C> {
  readonly namespace: string;
  /** Whether a value read from the store has the exact shape this cache stores (anything else is not trusted). */
  readonly isStored: (value: unknown) => value is S;
  readonly toStored: (value: T) => S;
  readonly fromStored: (stored: S, context: C) => T;
}

/** The form of values that are plain JSON data already (pages' HTML, feeds' texts): stored as they are. */
export const asIs = <T>(namespace: string, isValid: (value: unknown) => value is T): StoredForm<T, T, void> =>
  ({ namespace, isStored: isValid, toStored: (value) => value, fromStored: (stored) => stored });

/**
 * Values kept across builds under content keys — the one mechanism behind the render, page
 * and text caches: in `store` when there is one (the CLI's cache folder), else in memory
 * (what the last build and this one used; the dev server). `prune` after a build forgets
 * what that build did not use, so a long dev session does not grow. A process with a store
 * builds once and reads each entry once: copies in memory would only hold every page of the
 * site until it ends. In memory, a value is handed back as the very object kept, so what is
 * derived from it by identity (identity-memo.ts) is derived once.
 */
export interface KeptEntries<T, C = void> {
  /** The value kept under `key` (the store's; else this build's or the last build's); marks it used. */
  get(key: string, context: C): T | undefined;
  /** Keeps `value` under `key`, in the store or in memory. */
  keep(key: string, value: T): void;
  /** Keeps the entry under `key`, if any, through the prune without reading it. */
  touch(key: string): void;
  prune(): void;
}

/** KeptEntries of one cache, in `store` when one is given, else in memory. */
export function createKeptEntries<T, S, C>(form: StoredForm<T, S, C>, store?: EntryStore): KeptEntries<T, C> {
  if (store) {
    return {
      get(key, context) {
        const stored = store.read(form.namespace, key, form.isStored);
        return stored === undefined ? undefined : form.fromStored(stored, context);
      },
      keep: (key, value) => store.write(form.namespace, key, form.toStored(value)),
      touch: (key) => store.touch?.(form.namespace, key),
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
    touch(key) {
      const found = entries.get(key);
      if (found !== undefined && !used.has(key)) used.set(key, found);
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}
