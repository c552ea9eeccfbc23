import { describe, expect, it } from "vitest";
import { maxNestingDepth } from "../../src/markdown/nesting-depth.js";
import { createPostRenderer } from "../../src/markdown/create-post-renderer.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const header = "!! title: Deep\n!! published: 2024-01-01\n\n---\n\n";
const render = (body: string) => renderPost(makePost(header + body), makeContext());

describe("posts nested too deeply to render", () => {
  // Found by the build fuzzer: each of these overflowed the stack in a markdown or HTML
  // library (mdast-util-to-hast, mdast-util-find-and-replace, hast-util-from-parse5,
  // hast-util-to-html) and crashed the build with a RangeError and exit code 70.
  it.each([
    ["blockquotes", "> ".repeat(3000) + "deep"],
    ["lists", "- ".repeat(3000) + "deep"],
    ["ordered lists", "1. ".repeat(3000) + "deep"],
    ["quotes in lists", "- > ".repeat(2000) + "deep"],
    ["quotes without spaces", ">".repeat(5000) + " deep"],
    ["raw HTML", "<div>".repeat(3000) + "deep"],
    ["emphasis", "*a ".repeat(2000) + "b" + " c*".repeat(2000)],
  ])("%s thousands deep give one too-deep error, not a crash", (_, body) => {
    const rendered = render(body);
    expect(rendered.html).toBe("");
    expect(rendered.diagnostics).toEqual([expect.objectContaining({ severity: "error", rule: "too-deep", file: "posts/test-post.md" })]);
    expect(rendered.diagnostics[0]).toMatchObject({ line: 6, column: 1 });
  });

  it("points at the line that nests deepest", () => {
    const rendered = render("A paragraph.\n\n- a\n\n" + "> ".repeat(2000) + "deep\n\nAfter.");
    expect(rendered.diagnostics).toEqual([expect.objectContaining({ rule: "too-deep", line: 10, column: 1 })]);
  });

  it("refuses a deep tree whatever the stack could hold, so that a worker thread refuses it too", () => {
    // Deep enough to pass the limit, shallow enough that no library overflows on this thread.
    const rendered = render("<div>".repeat(maxNestingDepth + 10) + "deep");
    expect(rendered.diagnostics.map((d) => d.rule)).toEqual(["too-deep"]);
  });

  it("renders nesting below the limit as usual", () => {
    const rendered = render("> ".repeat(100) + "fine\n\n" + "- ".repeat(100) + "fine\n\n" + "<div>".repeat(200) + "fine");
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.html.match(/<blockquote>/g)).toHaveLength(100);
    expect(rendered.html.match(/<div>/g)).toHaveLength(200);
  });

  it("does not count a thematic break as nesting", () => {
    const rendered = render("- ".repeat(2000) + "\n\nAfter the rule.");
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.html).toContain("<hr>");
  });

  it("leaves other errors alone: a plugin that throws still throws", () => {
    const throwing = () => () => {
      throw new TypeError("plugin bug");
    };
    const renderer = createPostRenderer({ remarkPlugins: [throwing] });
    expect(() => renderer(makePost(header + "text"), makeContext())).toThrow("plugin bug");
  });
});
