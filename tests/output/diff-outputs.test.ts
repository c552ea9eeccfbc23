import { describe, expect, it } from "vitest";
import { diffOutputs, sameBytes } from "../../src/output/diff-outputs.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("diffOutputs", () => {
  it("compares bytes, not arrays: equal contents in another array are unchanged", () => {
    const kept = bytes("k");
    const before = new Map([["a", bytes("1")], ["b", bytes("2")], ["gone", bytes("x")], ["k", kept]]);
    const after = new Map([["a", bytes("1")], ["b", bytes("3")], ["new", bytes("n")], ["k", kept]]);
    expect(diffOutputs(before, after)).toEqual({ changed: ["b", "new"], removed: ["gone"], unchanged: 2 });
  });

  it("sees a view into a larger buffer as its own bytes only", () => {
    const big = bytes("xabcx");
    expect(sameBytes(big.subarray(1, 4), bytes("abc"))).toBe(true);
    expect(sameBytes(big.subarray(1, 4), bytes("abcx"))).toBe(false);
  });
});
