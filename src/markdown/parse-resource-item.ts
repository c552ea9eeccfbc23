import type { ListItem, Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { EXIT, visit } from "unist-util-visit";
import type { Resource } from "../model.js";

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * One Resources entry: `[Author - Title](url)` split on the first " - "; no " - " means no
 * author; an item without a link is kept as text. `definitions` resolves `[Author - Title][ref]`.
 */
export function parseResourceItem(item: ListItem, n: number, definitions: ReadonlyMap<string, string>): Resource {
  const link = firstLink(item);
  const url = link?.type === "link" ? link.url : link ? definitions.get(link.identifier) : undefined;
  if (!link || url === undefined) {
    return { n, author: undefined, title: collapse(toString(item, { includeHtml: false })), url: undefined };
  }
  const text = collapse(toString(link, { includeHtml: false }));
  const split = text.indexOf(" - ");
  if (split === -1) return { n, author: undefined, title: text, url };
  const author = text.slice(0, split).trim();
  return { n, author: author || undefined, title: text.slice(split + 3).trim(), url };
}

function firstLink(item: ListItem) {
  let found: Extract<Nodes, { type: "link" | "linkReference" }> | undefined;
  visit(item, (node) => {
    if (node.type === "link" || node.type === "linkReference") {
      found = node;
      return EXIT;
    }
    return undefined;
  });
  return found;
}
