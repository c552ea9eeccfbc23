/** True when two outputs hold the same bytes (the same array, or equal contents). */
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/** How one in-memory output differs from the one before it. */
export interface OutputDiff {
  /** Paths added or whose bytes changed, in the order of `after`. */
  readonly changed: string[];
  /** Paths `after` no longer has, in the order of `before`. */
  readonly removed: string[];
  readonly unchanged: number;
}

/** The one byte-wise comparison of two outputs (path → bytes): the memory writer's report and the dev server's reloads. */
export function diffOutputs(before: ReadonlyMap<string, Uint8Array>, after: ReadonlyMap<string, Uint8Array>): OutputDiff {
  const changed: string[] = [];
  let unchanged = 0;
  for (const [path, bytes] of after) {
    const old = before.get(path);
    if (old !== undefined && sameBytes(old, bytes)) unchanged++;
    else changed.push(path);
  }
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return { changed, removed, unchanged };
}
