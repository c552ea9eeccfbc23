import { describe, expect, it } from "vitest";
import { hasExplicitSlug, linksTo, relinked, titleOf, withSlug, withTemplateComment, withTitle } from "../../bench/harness/source-edits.mjs";

// The bench's edits must change exactly what they say, in both header formats the corpus
// writes: an edit that silently did nothing would be measured as a fast build.
const bang = [
  "!! title: Notes on fast caches",
  "!! slug: notes-on-fast-caches",
  "!! published: 2025-03-14T09:00:00+00:00",
  "",
  "---",
  "",
  "See [one](./posts/abc), [two](/posts/abc#setup), [three](posts/abc) and [other](posts/abc-two).",
  "title: a body line that looks like a field",
  "",
].join("\n");
const yaml = ['---', 'title: "Why \\"we\\" moved"', "date: 2025-03-14T09:00:00Z", "---", "", "Body [a](./posts/abc).", "slug: not-a-field", ""].join("\n");

describe("bench source edits", () => {
  it("sets the header's title in both formats, never a body line", () => {
    expect(titleOf(withTitle(bang, "New"))).toBe("New");
    expect(withTitle(bang, "New")).toContain("title: a body line");
    expect(titleOf(yaml)).toBe('Why "we" moved');
    expect(withTitle(yaml, 'A "quoted" title')).toContain('title: "A \\"quoted\\" title"\n');
  });

  it("changes an explicit slug and refuses a post without one", () => {
    expect(withSlug(bang, "renamed")).toContain("!! slug: renamed\n");
    expect(hasExplicitSlug(bang)).toBe(true);
    expect(hasExplicitSlug(yaml)).toBe(false);
    expect(() => withSlug(yaml, "renamed")).toThrow(/no slug field/);
  });

  it("moves every link form to the new slug, fragment kept, a longer slug left alone", () => {
    expect(linksTo(bang, "abc")).toBe(3);
    const moved = relinked(bang, "abc", "abc-renamed-1");
    expect(moved).toContain("[one](./posts/abc-renamed-1)");
    expect(moved).toContain("[two](/posts/abc-renamed-1#setup)");
    expect(moved).toContain("[three](posts/abc-renamed-1)");
    expect(moved).toContain("[other](posts/abc-two)");
    expect(linksTo(moved, "abc")).toBe(0);
  });

  it("puts a template's comment inside its last block, where a child template renders it", () => {
    const template = '{% layout "layout" %}\n{%- block content %}\n<p>x</p>\n{%- endblock %}\n';
    expect(withTemplateComment(template, "edit 1")).toBe('{% layout "layout" %}\n{%- block content %}\n<p>x</p>\n<!-- edit 1 -->\n{%- endblock %}\n');
  });
});
