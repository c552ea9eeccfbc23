import { describe, expect, it } from "vitest";
import { createPostingsArena } from "../../../src/site/search/postings-arena.js";
import { forEachCount, toSearchPage } from "../../../src/site/search/search-page.js";

/** A seeded generator: the same numbers on every run. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("postings packed in bytes", () => {
  it("give back each term's list as plain arrays would, across blocks and pages", () => {
    const random = numbers(7);
    const arena = createPostingsArena();
    const plain = new Map<string, number[]>();
    const lastDoc = new Map<string, number>();
    // 3,000 terms (the per-term tables grow), some with thousands of postings (blocks chain
    // into 4 KiB ones, over more than one 1 MiB page: 360,000 postings of three bytes or more), numbers up to 2^40 (five-byte varints and more).
    for (let doc = 0; doc < 3000; doc++) {
      for (let k = 0; k < 120; k++) {
        const term = `t${Math.floor(random() ** 3 * 3000)}`;
        const section = Math.floor(random() * 300);
        const weight = random() < 0.01 ? Math.floor(random() * 2 ** 40) : 1 + Math.floor(random() * 20);
        arena.add(term, doc, section, weight);
        const list = plain.get(term) ?? [];
        list.push(doc - (lastDoc.get(term) ?? 0), section, weight);
        plain.set(term, list);
        lastDoc.set(term, doc);
      }
    }
    expect(new Set(arena.terms())).toEqual(new Set(plain.keys()));
    for (const [term, list] of plain) expect(arena.list(term), term).toEqual(list);
    expect(Math.max(...[...plain.values()].map((l) => l.length))).toBeGreaterThan(5000);
    expect(arena.list("absent")).toEqual([]);
  });
});

describe("a page's term counts", () => {
  it("are read back as they were counted, a section and a weight at a time", () => {
    const page = toSearchPage({
      url: "/a/", title: "Lamps lamps", description: "", date: "", dateText: "",
      sections: [{ id: "", heading: "", text: "wick 2024 lamp" }, { id: "h", heading: "Wick", text: "wick wick" }],
    });
    const counts: Array<[string, number, number]> = [];
    forEachCount(page.terms, (term, section, weight) => counts.push([term, section, weight]));
    expect(counts).toEqual([["lamps", 0, 20], ["wick", 0, 1], ["wick", 1, 7], ["2024", 0, 1], ["lamp", 0, 1]]);
    forEachCount("", () => expect.unreachable());
  });
});
