import type { Heading, List, ListItem, Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { EXIT, visit } from "unist-util-visit";
import { warning } from "../diagnostics.js";
import type { Resource } from "../model.js";
import { parseResourceItem } from "./parse-resource-item.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

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
    state.resources = section.list.children.map((item, i) => refuseUnsafeUrl(parseResourceItem(item, i + 1, definitions), item, state));
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

/**
 * A scheme whose link runs code or embeds a document when clicked. Resources are links to
 * sources: such a URL is refused (the entry is kept as text) even with no sanitiser.
 */
export function unsafeScheme(url: string): string | undefined {
  // As a browser reads it: tabs and newlines anywhere and leading controls or spaces do not count.
  const seen = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "").toLowerCase();
  return /^(javascript|vbscript|data):/.exec(seen)?.[1];
}

function refuseUnsafeUrl(resource: Resource, item: ListItem, state: RenderState): Resource {
  const scheme = resource.url === undefined ? undefined : unsafeScheme(resource.url);
  if (scheme === undefined) return resource;
  state.diagnostics.push(warning("unsafe-url", `Resources entry ${resource.n} links to a \`${scheme}:\` URL, which runs code or opens a document when clicked: it is shown as text`,
    state.file, positionOf(firstLinkOf(item) ?? item, state), "link to the source's page (https://…), or remove the link"));
  return { ...resource, url: undefined };
}

function firstLinkOf(item: ListItem) {
  let found: { position?: ListItem["position"] } | undefined;
  visit(item, (node) => {
    if (node.type !== "link" && node.type !== "linkReference") return undefined;
    found = node;
    return EXIT;
  });
  return found;
}
