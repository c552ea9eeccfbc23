import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { rewriteLocalUrl } from "./rewrite-local-url.js";
import { positionOf, renderStateOf } from "./render-state.js";

/**
 * Remark plugin: rewrites post links (`./posts/<slug>`) and local file URLs on `link`,
 * `image` and `definition` nodes, where the URL is still as written and positioned.
 */
export function remarkLocalUrls() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    visit(tree, (node) => {
      if (node.type === "link" || node.type === "image" || node.type === "definition") {
        node.url = rewriteLocalUrl(node.url, positionOf(node), state);
      }
    });
  };
}
