import { createHash } from "node:crypto";
import type { EntryStore } from "./entry-store.js";
import { asIs, createKeptEntries } from "./kept-entries.js";

/**
 * Generated texts (feeds, the sitemap) kept across builds by a key that states everything
 * they are made from (kept-entries.ts says where and for how long).
 */
export interface TextCache {
  /** The texts stored for `key` of this `kind`, or those `make` returns (then stored). */
  texts(kind: string, key: string, make: () => readonly string[]): readonly string[];
  /**
   * The digest that `texts(kind, key)` keeps its entry under, which names those texts (the
   * page ledger's key for them: see page-ledger.ts), keeping the entry through the prune.
   */
  keyOf(kind: string, key: string): string;
  /** The texts kept under `digest` (as keyOf gave it), or undefined; marks them used. */
  stored(digest: string): readonly string[] | undefined;
  /**
   * Keeps `texts` under `key`, replacing what was there: for a slot whose texts state what
   * they were made from, so that a build can start from whatever an earlier one left
   * (the search index's last state: site/search/index-state.ts).
   */
  put(kind: string, key: string, texts: readonly string[]): void;
  /** Forgets entries that the last build did not ask for, so a long dev session does not grow. */
  prune(): void;
}

const isTexts = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** A TextCache in memory, backed by `store` when one is given. */
export function createTextCache(store?: EntryStore): TextCache {
  const kept = createKeptEntries(asIs("text", isTexts), store);
  return {
    texts(kind, key, make) {
      const digest = digestOf(kind, key);
      const found = kept.get(digest);
      if (found !== undefined) return found;
      const made = make();
      kept.keep(digest, made);
      return made;
    },
    keyOf(kind, key) {
      const digest = digestOf(kind, key);
      kept.touch(digest);
      return digest;
    },
    stored: (digest) => kept.get(digest),
    put: (kind, key, texts) => kept.keep(digestOf(kind, key), texts),
    prune: () => kept.prune(),
  };
}

const digestOf = (kind: string, key: string): string => createHash("sha256").update(kind).update("\0").update(key).digest("hex");
