import type { Root } from "mdast";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { EXIT, SKIP, visit } from "unist-util-visit";
import { renderStateOf } from "./render-state.js";

/**
 * Remark plugin: keeps the plain text of the first paragraph that has any (footnotes and
 * image-only paragraphs do not count) for the description fallback. Runs after remarkResources.
 */
export function remarkDescription() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    visit(tree, (node) => {
      if (node.type === "footnoteDefinition") return SKIP;
      if (node.type !== "paragraph") return undefined;
      const text = toString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s+/g, " ").trim();
      if (text === "") return SKIP;
      state.firstParagraph = text;
      return EXIT;
    });
  };
}
