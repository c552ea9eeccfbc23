import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ownStrings } from "../../src/text/own-strings.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A title cut from a 64 MiB text, `own` or as V8 cuts it; the text is this function's alone. */
function titleCutFromBigText(own: boolean): string {
  const text = "!! title: " + "A title long enough to be a view ".repeat(2) + "\n" + "x".repeat(64 << 20);
  return own ? ownStrings(text.slice(10, 60)) : text.slice(10, 60);
}

/** How much (MiB) the heap keeps for such a title once the text is gone. */
function heapKeptByCut(own: boolean): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const title = titleCutFromBigText(own);
  gc();
  const kept = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  expect(title).toBe("A title long enough to be a view A title long enou");
  return kept;
}

describe("ownStrings", () => {
  it("gives back the same values: strings, numbers, dates, nested lists and objects", () => {
    const date = new Date("2025-03-14T00:00:00Z");
    const value = { title: "a title that is long", n: 3, when: date, tags: ["one tag that is long", "b"], extra: { deep: [{ s: "x".repeat(40) }] }, none: null };
    const own = ownStrings(value);
    expect(own).toEqual(value);
    expect(own.when).toBe(date);
    expect(own).not.toBe(value);
  });

  it("keeps a `__proto__` key a key", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const own = ownStrings(value);
    expect(Object.getPrototypeOf(own)).toBe(Object.prototype);
    expect(Object.keys(own)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("lets the text a string was cut from go (a plain cut keeps it alive)", () => {
    expect(heapKeptByCut(false)).toBeGreaterThan(60);
    expect(heapKeptByCut(true)).toBeLessThan(16);
  });
});
