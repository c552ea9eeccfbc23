/**
 * A map that is `base` with a few entries set or deleted, without copying `base`: putting
 * one edited post in the place of its old self in maps of thousands of entries. Lookups
 * cost what a Map's do; iterating walks `base` once. Entries come out in `base`'s order
 * with the new keys last — not the order a fresh Map would have: for maps whose users
 * look keys up or sort them (the link index's do).
 */
export function overlayMap<K, V>(base: ReadonlyMap<K, V>, set: ReadonlyMap<K, V>, deleted: Iterable<K> = []): ReadonlyMap<K, V> {
  // An overlay of an overlay merges into one layer; past a few hundred changes, a plain Map is cheaper.
  const layer = base instanceof OverlayMap ? base.merged(set, deleted) : { base, changes: changesOf(new Map(), set, deleted) };
  if (layer.changes.size > flattenAfter) return new Map(new OverlayMap(layer.base, layer.changes));
  return new OverlayMap(layer.base, layer.changes);
}

const flattenAfter = 256;
const absent = Symbol("absent");
type Changes<K, V> = Map<K, V | typeof absent>;

function changesOf<K, V>(changes: Changes<K, V>, set: ReadonlyMap<K, V>, deleted: Iterable<K>): Changes<K, V> {
  for (const key of deleted) changes.set(key, absent);
  for (const [key, value] of set) changes.set(key, value);
  return changes;
}

class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  #size: number | undefined;
  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: Changes<K, V>,
  ) {}

  merged(set: ReadonlyMap<K, V>, deleted: Iterable<K>): { base: ReadonlyMap<K, V>; changes: Changes<K, V> } {
    return { base: this.base, changes: changesOf(new Map(this.changes), set, deleted) };
  }

  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    if (changed === absent) return undefined;
    return changed !== undefined || this.changes.has(key) ? (changed as V) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.changes.has(key) ? this.changes.get(key) !== absent : this.base.has(key);
  }

  get size(): number {
    this.#size ??= [...this.keys()].length;
    return this.#size;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (!this.changes.has(key)) yield [key, value];
      else if (this.changes.get(key) !== absent) yield [key, this.changes.get(key) as V];
    }
    for (const [key, value] of this.changes) if (value !== absent && !this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
