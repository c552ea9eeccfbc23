import type { Heading, List, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { parseResourceItem } from "./parse-resource-item.js";
import { renderStateOf } from "./render-state.js";

const TITLES = new Set(["resources", "references", "sources"]);

interface ResourcesSection {
  readonly start: number;
  readonly end: number;
  readonly heading: Heading;
  readonly list: List;
}

/**
 * Remark plugin (SPEC §2): the body's last `---`, when followed by a "Resources",
 * "References" or "Sources" heading and a list, starts the resource list. The section
 * (up to the next heading of the same or a higher rank) goes to `state.resources`: its
 * break, heading and list leave the body; anything else in it stays in the body.
 */
export function remarkResources() {
  return (tree: Root, file: VFile): undefined => {
    const section = findResourcesSection(tree.children);
    if (!section) return;
    const state = renderStateOf(file);
    const definitions = collectDefinitions(tree);
    state.resourcesHeading = toString(section.heading, { includeHtml: false }).trim();
    state.resources = section.list.children.map((item, i) => parseResourceItem(item, i + 1, definitions));
    // Only the break, the heading and the list leave the body: anything else written in the
    // section (a closing note, definitions) stays, rather than silently disappearing.
    const separator = tree.children[section.start];
    const kept = tree.children
      .slice(section.start, section.end)
      .filter((node) => node !== separator && node !== section.heading && node !== section.list);
    tree.children.splice(section.start, section.end - section.start, ...kept);
  };
}

function findResourcesSection(children: readonly RootContent[]): ResourcesSection | undefined {
  const start = children.findLastIndex((node) => node.type === "thematicBreak");
  if (start === -1) return undefined;
  const heading = children[start + 1];
  const list = children[start + 2];
  if (heading?.type !== "heading" || list?.type !== "list") return undefined;
  const title = toString(heading, { includeHtml: false }).trim().replace(/:$/, "").toLowerCase();
  if (!TITLES.has(title)) return undefined;
  const next = children.findIndex((node, i) => i > start + 2 && node.type === "heading" && node.depth <= heading.depth);
  return { start, end: next === -1 ? children.length : next, heading, list };
}

function collectDefinitions(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  visit(tree, "definition", (node) => {
    // CommonMark: the first definition of a label wins.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  return definitions;
}
