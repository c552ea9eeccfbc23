import type { Image, ImageReference, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { AssetInfo } from "../model.js";
import { imageSizeAttributes } from "./image-size-attributes.js";
import { rewriteLocal } from "./rewrite-local-url.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

/**
 * Remark plugin: rewrites post links (`./posts/<slug>`) and local file URLs on `link`,
 * `image` and `definition` nodes, where the URL is still as written and positioned. An
 * image of a local file, inline or by reference (`![x][x]`), gets the file's width and height.
 */
export function remarkLocalUrls() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    const definitions = new Map<string, AssetInfo | undefined>();
    visit(tree, (node) => {
      if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
      const at = positionOf(node, state);
      const { url, asset } = rewriteLocal(node.url, at, state);
      node.url = url;
      if (node.type === "image" && asset) sizeImage(node, asset, state);
      // CommonMark: the first definition of a label wins.
      if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, asset);
    });
    if (definitions.size === 0) return;
    visit(tree, "imageReference", (node) => {
      const asset = definitions.get(node.identifier);
      if (asset) sizeImage(node, asset, state);
    });
  };
}

function sizeImage(node: Image | ImageReference, asset: AssetInfo, state: RenderState): void {
  const written = node.data?.hProperties ?? {};
  const size = imageSizeAttributes(asset, written, positionOf(node, state), state);
  if (Object.keys(size).length > 0) node.data = { ...node.data, hProperties: { ...written, ...size } };
}
