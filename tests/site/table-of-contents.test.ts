import { describe, expect, it } from "vitest";
import { buildTableOfContents, startsWithNumber } from "../../src/site/table-of-contents.js";

const h = (depth: number, text: string) => ({ depth, id: text.toLowerCase().replace(/\W+/g, "-"), text });

describe("buildTableOfContents", () => {
  it("says when the headings carry their own numbers, so that a theme does not number them again", () => {
    const sample = [
      h(2, "1. The build is complete"), h(2, "2. Every internal link resolves"),
      h(2, "What we deliberately do not check"),
    ];
    expect(buildTableOfContents(sample).selfNumbered).toBe(true);
    expect(buildTableOfContents([h(2, "Setup"), h(3, "Step 1: install"), h(2, "Use")]).selfNumbered).toBe(true);
    expect(buildTableOfContents([h(2, "Setup"), h(3, "Install"), h(2, "Use")]).selfNumbered).toBe(false);
  });

  it("ignores the numbering of headings it does not list", () => {
    expect(buildTableOfContents([h(1, "1. Title"), h(2, "Setup"), h(4, "1) deep"), h(2, "Use")]).selfNumbered).toBe(false);
  });
});

describe("startsWithNumber", () => {
  it.each([
    "1. Setup", "12) Build", "3: Ship", "1.2 Details", "1.2.3. Deeper", "IV. Rome", "b) Second", "A. First",
    "Step 1: install", "step 2 – build", "Part II", "Chapter 3 The end", "  2. indented", "7.",
  ])("counts %j as numbered", (text) => {
    expect(startsWithNumber(text)).toBe(true);
  });

  it.each([
    "2024 in review", "404 pages", "1.5x faster builds", "A short checklist", "I think so", "Why 3 things",
    "Mix: the sauce", "vi: an editor", "HTTP/2 push", "Steps to take", "Partial rebuilds", "",
  ])("does not count %j as numbered", (text) => {
    expect(startsWithNumber(text)).toBe(false);
  });
});
