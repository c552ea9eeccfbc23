import { describe, expect, it } from "vitest";
import { buildTagIndex, tagSlug } from "../../src/site/tag-index.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

describe("tagSlug", () => {
  it("transliterates, lowercases and dashes", () => {
    expect(["DevOps", "Über Café", "c++ & rust", "  spaced  out "].map(tagSlug)).toEqual(["devops", "uber-cafe", "c-and-rust", "spaced-out"]);
  });

  it("gives a tag with nothing left a stable hashed slug, the same for every spelling", () => {
    const slug = tagSlug("日本語");
    expect(slug).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug("日本語")).toBe(slug);
    expect(tagSlug("中文")).not.toBe(slug);
    expect(tagSlug("ΩΩ".toLowerCase())).toBe(tagSlug("ΩΩ"));
  });
});

describe("buildTagIndex", () => {
  it("warns about a post with more tags than its feed items list, at its tags line", () => {
    const tags = Array.from({ length: 100 }, (_, i) => `t${i}`);
    const sourceText = `!! title: Many\n!! published: 2025-01-01\n!! tags: ${tags.join(", ")}\n`;
    const { tags: index, diagnostics } = buildTagIndex([makeRenderedPost({ slug: "many", published: day(1), tags, sourceText })], "en");
    expect(index).toHaveLength(100);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file, d.line])).toEqual([["many-tags", "warning", "posts/many.md", 3]]);
    expect(buildTagIndex([makeRenderedPost({ slug: "few", published: day(1), tags: tags.slice(0, 64) })], "en").diagnostics).toEqual([]);
  });

  it("counts posts per tag, newest first, tags sorted by name", () => {
    const posts = [
      makeRenderedPost({ slug: "c", published: day(3), tags: ["rust", "Ops"] }),
      makeRenderedPost({ slug: "b", published: day(2), tags: ["ops"] }),
      makeRenderedPost({ slug: "a", published: day(1), tags: ["apple"] }),
      makeRenderedPost({ slug: "about", kind: "page", tags: ["ops"] }),
    ];
    const { tags, diagnostics } = buildTagIndex(posts, "en");
    expect(tags.map((t) => [t.name, t.slug, t.posts.map((p) => p.post.meta.slug)])).toEqual([
      ["apple", "apple", ["a"]],
      ["ops", "ops", ["c", "b"]],
      ["rust", "rust", ["c"]],
    ]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file])).toEqual([["tag-collision", "warning", "posts/c.md"]]);
  });

  it("merges spellings that share a slug under the oldest post's spelling, warning at the later post's tags line", () => {
    const posts = [
      makeRenderedPost({ slug: "new", published: day(9), tags: ["DEVOPS"], sourceText: "!! title: New\n!! published: 2025-01-09\n!! tags: DEVOPS\n" }),
      makeRenderedPost({ slug: "mid", published: day(5), tags: ["devops"] }),
      makeRenderedPost({ slug: "old", published: day(1), tags: ["DevOps"] }),
    ];
    const { tags, diagnostics } = buildTagIndex(posts, "en");
    expect(tags).toHaveLength(1);
    expect(tags[0]?.name).toBe("DevOps");
    expect(tags[0]?.posts.map((p) => p.post.meta.slug)).toEqual(["new", "mid", "old"]);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([
      ["tag-collision", "posts/mid.md", 1, 1],
      ["tag-collision", "posts/new.md", 3, 10],
    ]);
    expect(diagnostics[1]?.message).toContain("DEVOPS");
    expect(diagnostics[1]?.message).toContain("DevOps");
    expect(diagnostics[1]?.message).toContain("posts/old.md");
  });

  it("counts a post once when it carries two spellings of one tag", () => {
    const { tags } = buildTagIndex([makeRenderedPost({ slug: "x", published: day(1), tags: ["dev ops", "dev-ops"] })], "en");
    expect(tags.map((t) => [t.slug, t.posts.length])).toEqual([["dev-ops", 1]]);
  });
});
