import type { Root } from "hast";
import type { VFile } from "vfile";
import rehypeRaw from "rehype-raw";
import { visit } from "unist-util-visit";
import { renderStateOf } from "./render-state.js";

/**
 * Rehype plugin: rehype-raw, but only when the tree holds raw HTML (it re-parses the whole
 * tree with parse5, which most posts do not need). Records where the raw nodes were, so
 * rehypeRawUrls can tell the elements written as HTML from those made from Markdown.
 */
export function rehypeRawIfNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root | undefined => {
    const ranges: Array<readonly [number, number]> = [];
    let hasRaw = false;
    visit(tree, "raw", (node) => {
      hasRaw = true;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
    });
    if (!hasRaw) return undefined;
    renderStateOf(file).rawRanges = ranges;
    return raw(tree, file);
  };
}
