import { describe, expect, it } from "vitest";
import { findCitations, matchResource } from "../../src/markdown/find-citations.js";
import type { Resource } from "../../src/model.js";

const resources: Resource[] = [
  { n: 1, author: "Humble & Farley", title: "Continuous Delivery", url: "https://x.org/cd" },
  { n: 2, author: "Nygard", title: "Release It!", url: "https://x.org/ri" },
  { n: 3, author: "Nygard", title: "Release It! 2nd ed.", url: "https://x.org/ri2" },
  { n: 4, author: "Jez Humble", title: "Lean Enterprise", url: undefined },
  { n: 5, author: undefined, title: "Anonymous", url: undefined },
];

describe("matchResource", () => {
  it("matches authors case-insensitively with & as and", () => {
    expect(matchResource("humble and farley", "", resources)).toBe(1);
    expect(matchResource(" Humble  &  Farley ", "", resources)).toBe(1);
    expect(matchResource("NYGARD", "", resources)).toBe(2);
  });

  it("falls back to the first author's surname", () => {
    expect(matchResource("Humble et al.", "", resources)).toBe(1);
    expect(matchResource("Farley", "", resources)).toBeUndefined();
  });

  it("uses a year suffix to pick among works of one author", () => {
    expect(matchResource("Nygard", "a", resources)).toBe(2);
    expect(matchResource("Nygard", "b", resources)).toBe(3);
    expect(matchResource("Nygard", "z", resources)).toBe(2);
  });
});

describe("findCitations", () => {
  it("returns undefined when nothing is cited", () => {
    expect(findCitations("plain (Nobody, 2000) and (not a citation)", resources)).toBeUndefined();
  });

  it("splits a group of citations, keeping unmatched parts as text", () => {
    expect(findCitations("x (Nygard 2018; Unknown, 1999; Humble & Farley, 2010).", resources)).toEqual([
      { kind: "text", value: "x (" },
      { kind: "citation", value: "Nygard 2018", n: 2 },
      { kind: "text", value: "; Unknown, 1999; " },
      { kind: "citation", value: "Humble & Farley, 2010", n: 1 },
      { kind: "text", value: ")." },
    ]);
  });

  it("ignores groups that are not simple author-year citations", () => {
    expect(findCitations("(Nygard, 2018, p. 12) (Nygard, 18)", resources)).toBeUndefined();
  });
});
