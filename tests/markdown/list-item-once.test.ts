import type { List, ListItem, Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import { describe, expect, it } from "vitest";
import { listItemOnce } from "../../src/markdown/list-item-once.js";

const item = (text: string, spread = false): ListItem => ({ type: "listItem", spread, children: [{ type: "paragraph", children: [{ type: "text", value: text }] }] });

/** A tight list of `n` items whose items' `spread` reads are counted. */
function countedList(n: number, reads: { count: number }): List {
  const children = Array.from({ length: n }, (_, i) => {
    const plain = item(`item ${i}`);
    return new Proxy(plain, { get: (target, key) => (key === "spread" && reads.count++, Reflect.get(target, key)) });
  });
  return { type: "list", ordered: false, spread: false, children };
}

describe("listItemOnce", () => {
  it("gives the default handler's tree for tight, loose and mixed lists", () => {
    for (const list of [
      { type: "list", ordered: false, spread: false, children: [item("a"), item("b")] },
      { type: "list", ordered: true, start: 3, spread: false, children: [item("a"), item("b", true)] },
      { type: "list", ordered: false, spread: true, children: [item("a"), item("b")] },
    ] satisfies List[]) {
      const root: Root = { type: "root", children: [list] };
      expect(toHast(root, { handlers: { listItem: listItemOnce() } })).toEqual(toHast(root));
    }
  });

  it("asks each item of a list whether it is loose once, not once per item", () => {
    const reads = { count: 0 };
    const root: Root = { type: "root", children: [countedList(2_000, reads)] };
    toHast(root, { handlers: { listItem: listItemOnce() } });
    expect(reads.count).toBeLessThan(10 * 2_000);
    // The default handler's scan: every item reads every item's flag, four million reads.
    const defaults = { count: 0 };
    toHast({ type: "root", children: [countedList(2_000, defaults)] });
    expect(defaults.count).toBeGreaterThan(2_000 * 1_000);
  });
});
