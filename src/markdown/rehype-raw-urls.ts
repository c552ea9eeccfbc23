import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { Position } from "../diagnostics.js";
import { rewriteLocalUrl } from "./rewrite-local-url.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

/**
 * Rehype plugin, after rehypeRawIfNeeded: rewrites local URLs in the `href`, `src` and
 * `srcset` attributes of elements written as raw HTML. Elements made from Markdown were
 * rewritten on the mdast already and lie outside every raw range, so nothing is done twice.
 */
export function rehypeRawUrls() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    if (state.rawRanges.length === 0) return;
    visit(tree, "element", (element) => {
      const offset = element.position?.start.offset;
      if (offset === undefined || !insideRanges(offset, state.rawRanges)) return;
      rewriteAttributes(element, positionOf(element), state);
    });
  };
}

function rewriteAttributes(element: Element, at: Position | undefined, state: RenderState): void {
  const { href, src, srcSet } = element.properties;
  if (typeof href === "string") element.properties["href"] = rewriteLocalUrl(href, at, state);
  if (typeof src === "string") element.properties["src"] = rewriteLocalUrl(src, at, state);
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

// Ranges are in document order and do not overlap: binary search.
function insideRanges(offset: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid] ?? [0, 0];
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}
