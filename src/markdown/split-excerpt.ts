import type { Root, RootContent } from "hast";
import { visit } from "unist-util-visit";

const MORE_COMMENT = /^\s*more\s*$/i;
const MORE_RAW = /^\s*<!--\s*more\s*-->\s*$/i;

/** The body without the `<!-- more -->` marker, and what came before it when there is one. */
export interface SplitBody {
  readonly body: Root;
  readonly excerpt: Root | undefined;
}

/**
 * Splits the rendered body at a `<!-- more -->` comment written as its own block (any
 * spacing, any case). The excerpt is meant for index pages, where several posts share a
 * page: its ids are dropped (they would collide) and `#fragment` links point into the post.
 */
export function splitExcerpt(tree: Root, postUrl: string): SplitBody {
  const at = tree.children.findIndex(isMoreMarker);
  if (at === -1) return { body: tree, excerpt: undefined };
  const body: Root = { ...tree, children: tree.children.filter((_, i) => i !== at) };
  const before = trimWhitespace(tree.children.slice(0, at));
  if (before.length === 0) return { body, excerpt: undefined };
  return { body, excerpt: forIndexPage({ type: "root", children: structuredClone(before) }, postUrl) };
}

function isMoreMarker(node: RootContent): boolean {
  return (node.type === "comment" && MORE_COMMENT.test(node.value)) || (node.type === "raw" && MORE_RAW.test(node.value));
}

function trimWhitespace(nodes: RootContent[]): RootContent[] {
  let end = nodes.length;
  while (end > 0 && isBlank(nodes[end - 1])) end--;
  return nodes.slice(0, end);
}

const isBlank = (node: RootContent | undefined) => node?.type === "text" && node.value.trim() === "";

function forIndexPage(excerpt: Root, postUrl: string): Root {
  visit(excerpt, "element", (element) => {
    const props = element.properties;
    delete props["id"];
    // Footnote references describe themselves by the footnotes label, which is not in the excerpt.
    delete props["ariaDescribedBy"];
    const href = props["href"];
    if (typeof href === "string" && href.startsWith("#")) props["href"] = postUrl + href;
  });
  return excerpt;
}
