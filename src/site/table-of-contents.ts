import type { Heading } from "../model.js";

/** One entry of a table of contents; `children` are the h3s under an h2. */
export interface TocEntry {
  readonly id: string;
  readonly text: string;
  readonly children: readonly TocEntry[];
}

/** A post's table of contents: its h2 and h3 headings, nested. */
export interface TableOfContents {
  /** How many headings it lists (h2 and h3 together): themes show it from some size on. */
  readonly count: number;
  readonly items: readonly TocEntry[];
}

/**
 * Nests a post's h2s and h3s (other depths are left out). An h3 before the first h2 becomes a
 * top-level entry rather than being lost.
 */
export function buildTableOfContents(headings: readonly Heading[]): TableOfContents {
  const items: { id: string; text: string; children: TocEntry[] }[] = [];
  let count = 0;
  for (const { depth, id, text } of headings) {
    if (depth !== 2 && depth !== 3) continue;
    count++;
    const parent = items.at(-1);
    if (depth === 3 && parent !== undefined) parent.children.push({ id, text, children: [] });
    else items.push({ id, text, children: [] });
  }
  return { count, items };
}
