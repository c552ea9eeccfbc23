import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { Position } from "../diagnostics.js";
import { insideRanges } from "./inside-ranges.js";
import { imageSizeAttributes } from "./image-size-attributes.js";
import { rewriteLocal, rewriteLocalUrl } from "./rewrite-local-url.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";
import { srcsetCandidates } from "../urls/srcset-candidates.js";
import { urlAttributes, urlKindOf } from "../urls/url-attributes.js";

/**
 * Rehype plugin, after rehypeRawIfNeeded: rewrites local URLs in every URL attribute (the
 * list the output check reads too: url-attributes.ts) of elements written as raw HTML.
 * Elements made from Markdown were rewritten on the mdast already and lie outside every raw
 * range, so nothing is done twice. An `<img>` of a local file gets the file's width and
 * height, unless the author gave them.
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
  for (const { attribute, property } of urlAttributes) {
    const value = element.properties[property];
    const kind = urlKindOf(element.tagName, attribute);
    if (typeof value !== "string" || kind === undefined) continue;
    if (kind === "srcset") {
      element.properties[property] = rewriteSrcset(value, at, state);
      continue;
    }
    const local = rewriteLocal(value, at, state);
    element.properties[property] = local.url;
    if (element.tagName === "img" && property === "src" && local.asset) {
      Object.assign(element.properties, imageSizeAttributes(local.asset, element.properties, at, state));
    }
  }
}

/** Each image candidate's URL of a `srcset` rewritten in place: descriptors, commas and spaces stay as written. */
function rewriteSrcset(srcset: string, at: Position | undefined, state: RenderState): string {
  let out = "";
  let done = 0;
  for (const { url, start } of srcsetCandidates(srcset)) {
    out += srcset.slice(done, start) + rewriteLocalUrl(url, at, state);
    done = start + url.length;
  }
  return out + srcset.slice(done);
}
