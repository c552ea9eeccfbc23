import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { gfmExtensionsFor } from "../../src/markdown/gfm-where-used.js";
import { createMarkdownProcessor } from "../../src/markdown/create-markdown-processor.js";
import { propertyRuns } from "../support/property-runs.js";
import { commonmarkExamples, gfmExamples } from "./spec-examples.js";

const allOfGfm = (text: string): Root => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const whereUsed = (text: string): Root => fromMarkdown(text, { extensions: gfmExtensionsFor(text), mdastExtensions: [gfmFromMarkdown()] });

/**
 * The tree, or the assertion that stopped it: tests load mdast-util-from-markdown's development
 * build, whose checks stop on some inputs ("-" over "[ ] task" trips the task list's) where the
 * published build goes on. Either way, both parses must agree.
 */
const outcome = (parse: (text: string) => Root, text: string): Root | string => {
  try {
    return parse(text);
  } catch (error) {
    return `stopped: ${String(error)}`;
  }
};

// Every GFM construct and its near misses, with the characters each is told apart by (or not).
const pieces = [
  "www.example.com", "WWW.Example.com/path?q=1", "ww.x", "www", "http://a.b", "HTTPS://a.b/c)", "http:/a", "https//x", "ftp://x",
  "a@b.co", "mailto:a@b.co", "xmpp:a@b.c/d", "@", "a@", "@b.c", "x.y", "a_b-c+d", "| a | b |", "|", "| - |", "-|-", ":-:",
  "--- | ---", "a | b", "---", ":--", "-", "~~strike~~", "~one~", "~", "~~~", "[^1]", "[^1]: note", "[^", "^", "[ ] task",
  "[x] done", "[X]", "[\t]", "[]", "- ", "* ", "1. ", "> ", "# ", "```", "    ", "\t", "*a*", "_b_", "`c`", "[l](u)", "[l]",
  "<http://a.b>", "<a@b.c>", "](", "(", ")", "!", "\\", "&amp;", "<div>", "word", " ", ".", ",",
];
const endings = ["", " ", "\n", "\n\n", "\r\n"];
const source = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...endings)), { maxLength: 30 })
  .map((parts) => parts.map(([piece, ending]) => piece + ending).join(""));

describe("GFM extensions only where their syntax appears", () => {
  it("give the tree all of GFM gives, for every example of the CommonMark and GFM specs", () => {
    for (const example of [...commonmarkExamples, ...gfmExamples]) {
      expect(outcome(whereUsed, example.markdown), `${example.spec} example ${example.number}`).toEqual(outcome(allOfGfm, example.markdown));
    }
  });

  it("give the tree all of GFM gives, for generated sources full of near misses", () => {
    fc.assert(fc.property(source, (text) => {
      expect(outcome(whereUsed, text)).toEqual(outcome(allOfGfm, text));
    }), propertyRuns);
  });

  it("give the tree all of GFM gives, for the sample blog's posts", () => {
    const posts = path.join(import.meta.dirname, "../../posts");
    const files = readdirSync(posts, { recursive: true }).map(String).filter((name) => name.endsWith(".md"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(path.join(posts, name), "utf8");
      expect(whereUsed(text), name).toEqual(allOfGfm(text));
    }
  });

  it("leave out what cannot apply, and keep what can", () => {
    expect(gfmExtensionsFor("Plain prose, nothing else.")).toEqual([]);
    const tableOnly = gfmExtensionsFor("| a |\n| - |");
    expect(tableOnly).toHaveLength(1);
    expect(whereUsed("| a |\n| - |").children[0]?.type).toBe("table");
    expect(whereUsed("see www.example.com").children[0]).toMatchObject({ children: [{ type: "text" }, { type: "link" }] });
    expect(whereUsed("write to a@b.co").children[0]).toMatchObject({ children: [{ type: "text" }, { type: "link" }] });
    expect(whereUsed("~~gone~~").children[0]).toMatchObject({ children: [{ type: "delete" }] });
    expect(whereUsed("a[^1]\n\n[^1]: n").children.map((node) => node.type)).toEqual(["paragraph", "footnoteDefinition"]);
    expect(whereUsed("- [x] done").children[0]).toMatchObject({ children: [{ checked: true }] });
  });

  it("are what the post renderer parses with: its processor gives the same trees", () => {
    const processor = createMarkdownProcessor();
    for (const text of ["| a |\n| - |\n| b |", "www.example.com and a@b.co", "plain", "~~x~~ [^1]\n\n[^1]: y"]) {
      expect(processor.parse(text)).toEqual(allOfGfm(text));
    }
  });
});
