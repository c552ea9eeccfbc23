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
  /** Forgets entries that the last build did not ask for, so a long dev session does not grow. */
  prune(): void;
}

const isTexts = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** A TextCache in memory, backed by `store` when one is given. */
export function createTextCache(store?: EntryStore): TextCache {
  const kept = createKeptEntries(asIs("text", isTexts), store);
  return {
    texts(kind, key, make) {
      const digest = createHash("sha256").update(kind).update("\0").update(key).digest("hex");
      const found = kept.get(digest);
      if (found !== undefined) return found;
      const made = make();
      kept.keep(digest, made);
      return made;
    },
    prune: () => kept.prune(),
  };
}
