import { describe, expect, it } from "vitest";
import { checkPageSlugs, reservedSlugs } from "../../src/site/reserved-slugs.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

describe("checkPageSlugs", () => {
  it("refuses every folder daylight writes, at the page's slug line", () => {
    const pages = [...reservedSlugs].map((slug) =>
      makeRenderedPost({ slug, kind: "page", sourceText: `!! title: T\n!! slug: ${slug}\n` }));
    const { pages: allowed, diagnostics } = checkPageSlugs([...pages, makeRenderedPost({ slug: "about", kind: "page" })]);
    expect(allowed.map((p) => p.post.meta.slug)).toEqual(["about"]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual(
      [...reservedSlugs].map(() => ["reserved-slug", "error", 2, 10]),
    );
  });

  it("points at 1:1 when the slug comes from the file name", () => {
    const { diagnostics } = checkPageSlugs([makeRenderedPost({ slug: "tags", kind: "page", sourceText: "!! title: Tags\n" })]);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([["reserved-slug", "pages/tags.md", 1, 1]]);
  });
});
