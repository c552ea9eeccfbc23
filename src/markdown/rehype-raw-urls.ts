import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { Position } from "../diagnostics.js";
import { insideRanges } from "./inside-ranges.js";
import { imageSizeAttributes } from "./image-size-attributes.js";
import { rewriteLocal, rewriteLocalUrl } from "./rewrite-local-url.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

/**
 * Rehype plugin, after rehypeRawIfNeeded: rewrites local URLs in the `href`, `src` and
 * `srcset` attributes of elements written as raw HTML. Elements made from Markdown were
 * rewritten on the mdast already and lie outside every raw range, so nothing is done twice.
 * An `<img>` of a local file gets the file's width and height, unless the author gave them.
 */
export function rehypeRawUrls() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    if (state.rawRanges.length === 0) return;
    visit(tree, "element", (element) => {
      const offset = element.position?.start.offset;
      if (offset === undefined || !insideRanges(offset, state.rawRanges)) return;
      rewriteAttributes(element, positionOf(element, state), state);
    });
  };
}

function rewriteAttributes(element: Element, at: Position | undefined, state: RenderState): void {
  const { href, src, srcSet } = element.properties;
  if (typeof href === "string") element.properties["href"] = rewriteLocalUrl(href, at, state);
  if (typeof src === "string") {
    const local = rewriteLocal(src, at, state);
    element.properties["src"] = local.url;
    if (element.tagName === "img" && local.asset) Object.assign(element.properties, imageSizeAttributes(local.asset, element.properties, at, state));
  }
  if (typeof srcSet === "string") element.properties["srcSet"] = rewriteSrcset(srcSet, at, state);
}

/** Each candidate of `srcset` ("a.png 1x, b.png 2x") rewritten; data: URLs (with commas) are left alone. */
function rewriteSrcset(srcset: string, at: Position | undefined, state: RenderState): string {
  if (/(^|[\s,])data:/i.test(srcset)) return srcset;
  return srcset
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
      return [rewriteLocalUrl(url, at, state), ...descriptors].join(" ");
    })
    .join(", ");
}
