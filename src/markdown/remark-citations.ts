import type { PhrasingContent, Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { warning } from "../diagnostics.js";
import type { Resource } from "../model.js";
import { findCitations, unknownCitations, type CitationSegment } from "./find-citations.js";
import { renderStateOf, type RenderState } from "./render-state.js";

/**
 * Remark plugin: `(Author, 2016)` in body text becomes a link to `#resource-N` when the
 * author is in the post's resources, and is an `unknown-citation` warning when it is not.
 * Runs after remarkResources. Code has no text nodes, and links are skipped, so citations
 * are never made there. A post without a Resources list cites nothing.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    const { resources } = state;
    if (resources.length === 0) return;
    visit(tree, (node, index, parent) => {
      if (node.type === "link" || node.type === "linkReference") return SKIP;
      if (node.type !== "text" || parent === undefined || index === undefined) return undefined;
      reportUnknown(node.value, node.position?.start.offset, resources, state);
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

/** An `unknown-citation` warning for each citation in a text node (starting at `start` in the body) that names no resource. */
function reportUnknown(text: string, start: number | undefined, resources: readonly Resource[], state: RenderState): void {
  for (const citation of unknownCitations(text, resources)) {
    const authors = [...new Set(resources.flatMap((r) => (r.author === undefined ? [] : [r.author])))];
    state.diagnostics.push(warning("unknown-citation", `\`(${citation.written})\` cites no entry of this post's Resources`, state.file,
      start === undefined ? undefined : state.positionAt(start + citation.offset),
      authors.length > 0 ? `cite one of its authors (${authors.slice(0, 4).join("; ")}), or add \`[${citation.author} - Title](url)\` to the list`
        : `add \`[${citation.author} - Title](url)\` to the Resources list`));
  }
}
