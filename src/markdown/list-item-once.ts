import type { List, ListItem, Parents } from "mdast";
import { defaultHandlers, type State } from "mdast-util-to-hast";

/**
 * remark-rehype's `listItem` handler, with the list's looseness worked out once per list.
 * The default handler asks, for every item, whether any item of its list is loose, and for
 * a tight list that scan never stops early: a list of 100,000 items took minutes. The
 * default handler reads its parent for that answer only, so it is handed a stand-in list
 * that carries the answer: the same HTML, in linear time.
 */
export function listItemOnce(): (state: State, node: ListItem, parent: Parents | undefined) => ReturnType<typeof defaultHandlers.listItem> {
  const standIns = new WeakMap<List, List>();
  return (state, node, parent) => {
    if (parent?.type !== "list") return defaultHandlers.listItem(state, node, parent);
    let standIn = standIns.get(parent);
    if (standIn === undefined) {
      standIn = { type: "list", spread: isLoose(parent), children: [] };
      standIns.set(parent, standIn);
    }
    return defaultHandlers.listItem(state, node, standIn);
  };
}

/** mdast-util-to-hast's own rule: a list is loose when it is spread or any of its items is. */
const isLoose = (list: List): boolean =>
  Boolean(list.spread) || list.children.some((item) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread));
