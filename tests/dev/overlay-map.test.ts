import { describe, expect, it } from "vitest";
import { overlayMap } from "../../src/dev/overlay-map.js";

const sorted = (map: ReadonlyMap<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

describe("overlayMap", () => {
  it("reads as the base with entries set and deleted, without changing the base", () => {
    const base = new Map([["a", 1], ["b", 2], ["c", 3]]);
    const map = overlayMap(base, new Map([["b", 20], ["d", 4]]), ["c"]);
    expect(map.get("a")).toBe(1);
    expect(map.get("b")).toBe(20);
    expect(map.get("c")).toBeUndefined();
    expect(map.has("c")).toBe(false);
    expect(map.has("d")).toBe(true);
    expect(map.size).toBe(3);
    expect([...map]).toEqual([["a", 1], ["b", 20], ["d", 4]]);
    expect([...map.keys()]).toEqual(["a", "b", "d"]);
    expect([...map.values()]).toEqual([1, 20, 4]);
    const seen: string[] = [];
    map.forEach((value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual(["a=1", "b=20", "d=4"]);
    expect([...base]).toEqual([["a", 1], ["b", 2], ["c", 3]]);
  });

  it("keeps an entry whose value is undefined apart from a deleted one", () => {
    const map = overlayMap(new Map<string, number | undefined>([["a", 1]]), new Map([["a", undefined]]));
    expect(map.has("a")).toBe(true);
    expect(map.get("a")).toBeUndefined();
  });

  it("layered hundreds of times (past flattening), equals a Map changed the same way", () => {
    const plain = new Map(Array.from({ length: 50 }, (_, i) => [`k${i}`, i] as [string, number]));
    let map: ReadonlyMap<string, number> = new Map(plain);
    for (let i = 0; i < 600; i++) {
      const key = `k${(i * 7) % 80}`;
      if (i % 3 === 0) {
        plain.delete(key);
        map = overlayMap(map, new Map(), [key]);
      } else {
        plain.set(key, i);
        map = overlayMap(map, new Map([[key, i]]));
      }
      expect(map.get(key)).toBe(plain.get(key));
    }
    expect(sorted(map)).toEqual(sorted(plain));
    expect(map.size).toBe(plain.size);
  });
});
