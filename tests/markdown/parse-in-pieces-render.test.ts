import type { Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Processor } from "unified";
import { describe, expect, it } from "vitest";
import { parseInPieces, remarkParseInPieces } from "../../src/markdown/parse-in-pieces.js";

const link = (i: number) => `[link ${i}](https://example.org/page/${i})`;
const shapes: Record<string, (l: string, i: number) => string> = {
  "one per line": (l) => `${l}\n`,
  "one per paragraph": (l) => `${l}\n\n`,
  "a tight list": (l) => `- ${l}\n`,
  "a loose list": (l) => `- ${l}\n\n`,
  "20 a line": (l, i) => l + (i % 20 === 19 ? "\n" : " "),
  "an ordered list": (l, i) => `${i + 1}. ${l}\n`,
  "all on one line": (l, i) => l + (i % 3 ? " " : ", and "),
};
const text = (shape: (l: string, i: number) => string, n: number) => Array.from({ length: n }, (_, i) => shape(link(i), i)).join("");
const mixed = ["# Title", "Some *text* with `code`.", "```js\nlet a = 1;\n\nlet b = 2;\n```", "> quoted\n> [l](u)", "| a | b |\n| - | - |\n| c | d |",
  "<div>\n\n*raw*\n\n</div>", "- a\n- [b](c)\n\n- d", text(shapes["one per line"]!, 30), "1. one\n2. two", "<!--\n\nnote\n\n-->", "Setext\n---",
  "A [reference][ref], a [Ref] and a note[^1].", text(shapes["all on one line"]!, 30)].join("\n\n");
const definitions = "\n\n[ref]: https://example.com/ref 'The title'\n\n[^1]: The note, with [a link](https://example.com/n).\n";

function processor(options: object | undefined, syntax?: (this: Processor) => void) {
  return unified().use(remarkParse).use(remarkGfm).use(options ? [[remarkParseInPieces, options]] : []).use(syntax ? [syntax] : [])
    .use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
}

describe("remarkParseInPieces", () => {
  it("renders the HTML of the whole parse, byte for byte", () => {
    let joins = 0;
    const doc = mixed.repeat(8) + definitions;
    const html = String(processor(undefined).processSync(doc));
    expect(html).toContain('<a href="https://example.com/ref" title="The title">reference</a>');
    expect(String(processor({ minChars: 0, pieceChars: 200, onJoin: () => joins++ }).processSync(doc))).toBe(html);
    expect(joins).toBeGreaterThan(20);
  });

  it("parses whole when a plugin adds syntax the cuts do not know", () => {
    let joins = 0;
    // A plugin that adds a (here empty) micromark extension, as remark-math or remark-directive do.
    const addsSyntax = function (this: Processor) {
      (this.data("micromarkExtensions") ?? this.data("micromarkExtensions", []).data("micromarkExtensions")!).push({});
    };
    processor({ minChars: 0, pieceChars: 200, onJoin: () => joins++ }, addsSyntax).processSync(mixed.repeat(5));
    expect(joins).toBe(0);
  });

  it("cuts each common shape of a long post into pieces, into the whole parse's tree", () => {
    const parse = (doc: string) => processor(undefined).parse(doc) as Root;
    for (const [name, shape] of Object.entries(shapes)) {
      const doc = text(shape, 600);
      let joins = 0;
      const tree = parseInPieces(doc, parse, { minChars: 0, pieceChars: 2048, onJoin: () => joins++ });
      expect(tree, name).toStrictEqual(parse(doc));
      // Cuts fall between lines or links: a line of 20 links is ~900 characters, so pieces reach ~3,000.
      expect(joins, name).toBeGreaterThanOrEqual(Math.floor(doc.length / 4096));
    }
  });
});
