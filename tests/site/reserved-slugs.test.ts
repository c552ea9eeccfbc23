import { describe, expect, it } from "vitest";
import { checkPageSlugs, reservedSlugsOf } from "../../src/site/reserved-slugs.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const withSearch = { search: true };
const withoutSearch = { search: false };

describe("checkPageSlugs", () => {
  it("refuses every folder daylight writes, at the page's slug line", () => {
    const reserved = [...reservedSlugsOf(withSearch)];
    expect(reserved).toEqual(["archive", "assets", "page", "posts", "tags", "search"]);
    const pages = reserved.map((slug) =>
      makeRenderedPost({ slug, kind: "page", sourceText: `!! title: T\n!! slug: ${slug}\n` }));
    const { pages: allowed, diagnostics } = checkPageSlugs([...pages, makeRenderedPost({ slug: "about", kind: "page" })], withSearch);
    expect(allowed.map((p) => p.post.meta.slug)).toEqual(["about"]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual(
      reserved.map(() => ["reserved-slug", "error", 2, 10]),
    );
  });

  it("leaves /search/ to a page of the site when the site has no search", () => {
    const page = makeRenderedPost({ slug: "search", kind: "page", sourceText: "!! title: Search\n!! slug: search\n" });
    expect(checkPageSlugs([page], withoutSearch)).toEqual({ pages: [page], diagnostics: [] });
    expect(checkPageSlugs([page], withSearch).diagnostics.map((d) => d.rule)).toEqual(["reserved-slug"]);
  });

  it("points at 1:1 when the slug comes from the file name", () => {
    const { diagnostics } = checkPageSlugs([makeRenderedPost({ slug: "tags", kind: "page", sourceText: "!! title: Tags\n" })], withoutSearch);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([["reserved-slug", "pages/tags.md", 1, 1]]);
  });
});
