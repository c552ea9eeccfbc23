import fc from "fast-check";
import { createRequire } from "node:module";
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { parseInPieces } from "../../src/markdown/parse-in-pieces.js";
import { candidateCuts } from "../../src/markdown/split-markdown-source.js";

const syntax = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const parse = (text: string): Root => fromMarkdown(text, syntax);
const joins = new Map<string, number>();
const tiny = (pieceChars: number) => ({ minChars: 0, pieceChars, onJoin: (join: string) => joins.set(join, (joins.get(join) ?? 0) + 1) });
const runs = Number(process.env.PIECES_RUNS ?? 300);
const seed = Number(process.env.PIECES_SEED ?? 20);

// Lines that open, continue or close every kind of block, and inline marks that pair across lines.
const fragments = [
  "[link 1](https://example.com/1)", "[l](u) [m](v)", "Plain text", "text *emph", "more* text", "a _b_ c", "x __strong", "y__",
  "`code", "span`", "~~strike", "out~~", "<span", "title=x>", "foo\\", "bar  ", "| a | b |", "| - | - |", "a | b", "--- | ---",
  "===", "---", "***", "* * *", "# Heading", "Heading 2", "> quote", "> - quoted item", ">", "- a", "- [l](u)", "* b", "+ c",
  "1. one", "2) two", "3. three", "10. ten", "-", "1.", "   - indented", "  two spaces", "    indented code", "\tx",
  "```", "```js", "~~~", "````", "  ```", "- ```", "> ```", "<div>", "</div>", "<script>", "</script>", "<pre>", "</pre>",
  "<!--", "-->", "<?php", "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<custom-tag>", "[ref]", "[^1]", "www.example.com",
  "a@b.co", "&amp; &copy", "![i](p.png)", "<http://a.b>", "[a", "b](c)", "(x)", "- [ ] task", "- [x] done", "+ [l](u)",
];
const rare = ["[ref]: /u", "[^1]: note", "[^1]:\n    continued"];
const line = fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const ending = fc.constantFrom("\n", "\n", "\n", "\n\n", "\n\n", "\n  \n", "\r\n");
const soup = fc.array(fc.tuple(line, ending), { maxLength: 40 }).map((parts) => parts.map(([l, e]) => l + e).join(""));

// Documents made of whole blocks, so that most can be cut, with stray lines of the soup among them.
const simple = fc.constantFrom("[link 1](https://example.com/1)", "[a](b) [c](d)", "Plain text", "x [l](u) y", "[l](u).", "a  [b](c)  [d](e) ", "w [l](u)\t");
const lines = <T,>(item: fc.Arbitrary<T>, max: number) => fc.array(item, { minLength: 1, maxLength: max });
const marker = fc.constantFrom("- ", "* ", "+ ", "1. ", "2. ", "1) ", "3) ");
const block = fc.oneof(
  lines(simple, 5).map((ls) => ls.join("\n")),
  fc.tuple(marker, lines(fc.tuple(simple, fc.constantFrom("", "  more", "  - nested", "  ```\n  x\n  ```", "\n  para", "      code")), 5), fc.boolean())
    .map(([m, items, loose]) => items.map(([t, extra]) => m + t + (extra ? "\n" + extra : "")).join(loose ? "\n\n" : "\n")),
  fc.constantFrom("```\ncode\n\nmore\n```", "~~~js\n[a](b)\n~~~", "<div>\nhtml\n</div>", "<script>\n\nx\n</script>",
    "<!--\n\n- a\n-->", "> quote\n> [l](u)", "# Heading", "Setext\n===", "| a | b |\n| - | - |\n| c | d |", "---", "    indented\n\n    code"),
  line,
);
const structured = fc.array(fc.tuple(block, fc.constantFrom("\n", "\n\n", "\n\n", "\n\n\n")), { maxLength: 16 })
  .map((parts) => parts.map(([b, e]) => b + e).join(""));
const document = fc.oneof(structured, structured, soup);

// Blocks that define, use and nearly use link labels and footnotes, between plain paragraphs.
const definitionBlock = fc.constantFrom("[ref]: /u", "[Ref]: /v 'title'", "[^1]: note", "[^n]:\n    more", "> [q]: /q", "- [^2]: x\n- [l](u)",
  "[multi\nline]: /m", "[ref]", "[a][ref] and [q] and [multi line]", "call[^1] and[^2] and[^n] and[^none]", "[x]: <>", "text [ref]: not one",
  "```\n[c]: /c\n```", "[c] [l](u) [a](b)", "    [i]: /indented", "Para\n[ref]: /lazy", "[l](u) [m](v)");
const withDefinitions = fc.array(fc.tuple(fc.oneof(definitionBlock, simple), fc.constantFrom("\n", "\n\n", "\n\n")), { minLength: 2, maxLength: 24 })
  .map((parts) => parts.map(([b, e]) => b + e).join(""));

// The CommonMark spec's examples ("→" stands for a tab there), concatenated in random groups.
const examples = (createRequire(import.meta.url)("commonmark-spec") as { tests: Array<{ markdown: string }> }).tests
  .map((example) => example.markdown.replaceAll("→", "\t"));
const specGroup = fc.array(fc.tuple(fc.integer({ min: 0, max: examples.length - 1 }), fc.constantFrom("", "\n", "\n\n")), { minLength: 2, maxLength: 12 })
  .map((parts) => parts.map(([i, gap]) => examples[i]! + gap).join(""));

describe("parseInPieces", () => {
  it("gives the tree of the whole parse, positions included, for random documents", () => {
    fc.assert(fc.property(document, fc.integer({ min: 1, max: 60 }), (text, size) => {
      expect(parseInPieces(text, parse, tiny(size))).toStrictEqual(parse(text));
    }), { numRuns: runs, seed });
    // The property says something only if the documents were cut, in every way.
    for (const join of ["append", "list", "loose-list", "paragraph"]) expect(joins.get(join) ?? 0).toBeGreaterThan(runs / 20);
  });

  it("gives the tree of the whole parse for the CommonMark spec's examples, in random groups", () => {
    const before = joins.get("append") ?? 0;
    fc.assert(fc.property(specGroup, fc.integer({ min: 1, max: 80 }), (text, size) => {
      expect(parseInPieces(text, parse, tiny(size))).toStrictEqual(parse(text));
    }), { numRuns: runs, seed });
    expect((joins.get("append") ?? 0) - before).toBeGreaterThan(runs / 4);
  });

  it("looks for cuts in a 10 MB line without exhausting the pattern's stack", () => {
    expect(candidateCuts("a".repeat(10_000_000) + "\n\nb\n")).toEqual([{ at: 10_000_002, line: 3, column: 1, kind: "block" }]);
  });

  it("gives the tree of the whole parse for documents that define links and footnotes, cut into pieces", () => {
    let cut = 0;
    const counted = { minChars: 0, onJoin: () => cut++ };
    fc.assert(fc.property(withDefinitions, fc.integer({ min: 1, max: 60 }), (text, size) => {
      expect(parseInPieces(text, parse, { ...counted, pieceChars: size })).toStrictEqual(parse(text));
    }), { numRuns: runs, seed });
    expect(cut).toBeGreaterThan(runs / 2);
  });

  it("parses whole a document whose definitions the pieces do not confirm", () => {
    let calls = 0;
    const counted = (text: string) => (calls++, parse(text));
    // "[a]:" inside code is no definition: a piece told it was would make "[a]" a reference.
    const text = "[a]\n\n" + "para\n\n".repeat(100) + "```\n[a]: /url\n```\n";
    expect(parseInPieces(text, counted, tiny(10))).toStrictEqual(parse(text));
    expect(calls).toBeGreaterThan(1);
  });
});
