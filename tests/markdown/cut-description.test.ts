import { describe, expect, it } from "vitest";
import { cutDescription } from "../../src/markdown/cut-description.js";

describe("cutDescription", () => {
  it("keeps short text, whitespace collapsed", () => {
    expect(cutDescription("  A short\n\ttext.  ")).toBe("A short text.");
  });

  it("keeps text of exactly the limit", () => {
    const text = "a".repeat(150) + " bcdefghi";
    expect(cutDescription(text)).toBe(text);
  });

  it("cuts on the last word boundary and drops trailing punctuation", () => {
    expect(cutDescription("one two, three four", 12)).toBe("one two…");
    expect(cutDescription("one two three", 7)).toBe("one two…");
  });

  it("cuts inside one very long word without splitting a surrogate pair", () => {
    expect(cutDescription("x".repeat(200))).toBe("x".repeat(160) + "…");
    expect(cutDescription("x".repeat(159) + "😀".repeat(5))).toBe("x".repeat(159) + "…");
  });
});
