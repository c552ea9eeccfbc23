import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const RESOURCES = "\n\n---\n\n## Resources\n\n1. [Humble & Farley - Continuous Delivery](https://x.org/cd)\n2. [Nygard - Release It!](https://x.org/ri)\n";
const found = (body: string, resources = RESOURCES) =>
  renderPost(makePost(body + resources), makeContext()).diagnostics.filter((d) => d.rule === "unknown-citation");

describe("unknown-citation", () => {
  it("warns at each `(Author, 2016)` whose author is no resource's, naming the authors it could cite", () => {
    const diagnostics = found("Intro.\n\nAs (Fowler, 2002) and (Nygard, 2018; Beck, 2000) say.");
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[3, 5, "warning"], [3, 38, "warning"]]);
    expect(diagnostics[0]?.message).toBe("`(Fowler, 2002)` cites no entry of this post's Resources");
    expect(diagnostics[0]?.hint).toBe("cite one of its authors (Humble & Farley; Nygard), or add `[Fowler - Title](url)` to the list");
  });

  it("says nothing of dates, matched citations, code, links, or a post without Resources", () => {
    expect(found("In (March 2016) and (Nygard, 2018) and (Humble and Farley, 2010).")).toEqual([]);
    expect(found("`(Fowler, 2002)` and [see (Fowler, 2002)](https://x.org)\n\n```\n(Fowler, 2002)\n```")).toEqual([]);
    expect(found("As (Fowler, 2002) says.", "")).toEqual([]);
  });
});
