import type { PhrasingContent, Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { findCitations, type CitationSegment } from "./find-citations.js";
import { renderStateOf } from "./render-state.js";

/**
 * Remark plugin: `(Author, 2016)` in body text becomes a link to `#resource-N` when the
 * author is in the post's resources. Runs after remarkResources. Code has no text nodes,
 * and links are skipped, so citations are never made there.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile): undefined => {
    const { resources } = renderStateOf(file);
    if (resources.length === 0) return;
    visit(tree, (node, index, parent) => {
      if (node.type === "link" || node.type === "linkReference") return SKIP;
      if (node.type !== "text" || parent === undefined || index === undefined) return undefined;
      const segments = findCitations(node.value, resources);
      if (!segments) return undefined;
      const replacement = segments.map(toPhrasing);
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index + replacement.length];
    });
  };
}

function toPhrasing(segment: CitationSegment): PhrasingContent {
  if (segment.kind === "text") return { type: "text", value: segment.value };
  return {
    type: "link",
    url: `#resource-${segment.n}`,
    children: [{ type: "text", value: segment.value }],
    data: { hProperties: { className: ["citation"] } },
  };
}
