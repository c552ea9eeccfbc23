import { describe, expect, it } from "vitest";
import { createLineIndex, positionAt } from "../src/diagnostics.js";

describe("createLineIndex", () => {
  it("gives every offset the line and column a line-by-line count gives, a line break belonging to its line", () => {
    const text = "ab\n\ncd\r\nef\n";
    const index = createLineIndex(() => text);
    for (let offset = 0; offset <= text.length; offset++) {
      const before = text.slice(0, offset);
      const naive = { line: before.split("\n").length, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
      expect([offset, index(offset)]).toEqual([offset, naive]);
      expect(positionAt(text, offset)).toEqual(naive);
    }
  });
});
