import type { InlineMath } from "mdast-util-math";
import type { Root, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { gfmExtensionsFor } from "./gfm-where-used.js";
import { mathEngine, mayHoldMath } from "./math-engine.js";

declare module "vfile" {
  interface DataMap {
    /** Set when the parser made a math node: only then does rehypeMath look for formulas. */
    daylightMath: boolean;
  }
}

/**
 * A unified plugin, used after remarkParseInPieces, that parses a source holding a `$` with
 * the math syntax (`$…$`, `$$…$$`, remark-math's) and any other source as before, without
 * loading it. A source with math is parsed whole, like one with a user plugin's syntax.
 */
export function remarkMathWhereUsed(this: Processor): void {
  const data = this.data();
  const gfm = data.micromarkExtensions?.at(-1);
  const withoutMath = this.parser as ((document: string, file: VFile) => Root) | undefined;
  if (gfm === undefined || withoutMath === undefined) return;
  this.parser = (document: string, file: VFile) => {
    if (!mayHoldMath(document)) return withoutMath(document, file);
    const { syntax, fromMarkdown: mathFromMarkdown } = mathEngine();
    const tree = fromMarkdown(document, {
      ...data.settings,
      extensions: [...(data.micromarkExtensions ?? []).flatMap((extension) => (extension === gfm ? gfmExtensionsFor(document) : [extension])), syntax()],
      mdastExtensions: [...(data.fromMarkdownExtensions ?? []), mathFromMarkdown()],
    }) as Root;
    file.data.daylightMath = keepDollarsAsText(tree, document);
    return tree;
  };
}

/**
 * Pandoc's rule for single dollars, so that prices stay prose: `$` followed by a space, or
 * a closing `$` after a space or before a digit, is no formula (`$5 and $10`). Such a span
 * becomes its text again. Returns whether any formula is left.
 */
function keepDollarsAsText(tree: Root, source: string): boolean {
  let found = false;
  const walk = (node: Root | RootContent): void => {
    if (!("children" in node)) return;
    node.children = node.children.map((child) => {
      if (child.type === "math") found = true;
      if (child.type !== "inlineMath") {
        walk(child);
        return child;
      }
      const text = asText(child, source);
      if (text === undefined) found = true;
      return text ?? child;
    }) as typeof node.children;
  };
  walk(tree);
  return found;
}

/** The span written as `$…$` as plain text when Pandoc's rule says it is no formula; undefined for a formula. */
function asText(node: InlineMath, source: string): Text | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || source.startsWith("$$", start)) return undefined;
  const opensBadly = /\s/.test(source[start + 1] ?? "");
  const closesBadly = /\s/.test(source[end - 2] ?? "") || /[0-9]/.test(source[end] ?? "");
  if (!opensBadly && !closesBadly) return undefined;
  return { type: "text", value: source.slice(start, end), position: node.position };
}
