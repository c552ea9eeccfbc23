import type { Root } from "hast";
import type { VFile } from "vfile";
import { toString } from "hast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { renderStateOf } from "./render-state.js";

const HEADING = /^h([1-6])$/;

/**
 * Rehype plugin, after rehype-slug: collects every heading with an id, in document order.
 * The generated footnotes section (its "Footnotes" label) is not the author's and is skipped.
 */
export function rehypeHeadings() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    visit(tree, "element", (element) => {
      if (element.tagName === "section" && element.properties["dataFootnotes"] !== undefined) return SKIP;
      const rank = HEADING.exec(element.tagName)?.[1];
      const id = element.properties["id"];
      if (rank === undefined || typeof id !== "string" || id === "") return undefined;
      state.headings.push({ depth: Number(rank), id, text: toString(element).replace(/\s+/g, " ").trim() });
      return SKIP;
    });
  };
}
