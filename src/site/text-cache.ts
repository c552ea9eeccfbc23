import { createHash } from "node:crypto";
import type { EntryStore } from "../cache/entry-store.js";

/**
 * Generated texts (feeds) kept across builds by a key that states everything they are made
 * from: in memory for the dev server, in the cache folder for the CLI. Like the page cache,
 * it forgets what a build did not ask for.
 */
export interface TextCache {
  /** The texts stored for `key` of this `kind`, or those `make` returns (then stored). */
  texts(kind: string, key: string, make: () => readonly string[]): readonly string[];
  /** Forgets entries that the last build did not ask for, so a long dev session does not grow. */
  prune(): void;
}

const storeNamespace = "text";
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

export function createTextCache(store?: EntryStore): TextCache {
  let entries = new Map<string, readonly string[]>();
  let used = new Map<string, readonly string[]>();
  return {
    texts(kind, key, make) {
      const digest = createHash("sha256").update(kind).update("\0").update(key).digest("hex");
      const found = used.get(digest) ?? entries.get(digest) ?? store?.read(storeNamespace, digest, isTexts);
      if (found !== undefined) {
        used.set(digest, found);
        return found;
      }
      const made = make();
      used.set(digest, made);
      store?.write(storeNamespace, digest, made);
      return made;
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}
