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
  /**
   * Some h2 or h3 carries a number of its own (`1. Setup`, `2) Build`, `Step 3: Ship`): a
   * theme then lists the contents without numbers, or the reader sees "1. 1. Setup".
   */
  readonly selfNumbered: boolean;
}

/**
 * Nests a post's h2s and h3s (other depths are left out). An h3 before the first h2 becomes a
 * top-level entry rather than being lost.
 */
export function buildTableOfContents(headings: readonly Heading[]): TableOfContents {
  const items: { id: string; text: string; children: TocEntry[] }[] = [];
  let count = 0;
  let selfNumbered = false;
  for (const { depth, id, text } of headings) {
    if (depth !== 2 && depth !== 3) continue;
    count++;
    selfNumbered ||= startsWithNumber(text);
    const parent = items.at(-1);
    if (depth === 3 && parent !== undefined) parent.children.push({ id, text, children: [] });
    else items.push({ id, text, children: [] });
  }
  return { count, items, selfNumbered };
}

// "1. ", "1.2. ", "1) ", "3: ", "1.2 ", "IV. ", "b) ", and a counting word with a number:
// "Step 3: ", "Part II – ". A bare number ("2024 in review", "404 pages") is a title's word,
// not a numbering, so it needs the punctuation or the counting word.
const numberings = [
  /^(?:\d+[.):]|[IVXLC]+[.)]|[A-Za-z][.)])(?:\s|$)/,
  /^\d+(?:\.\d+)+\.?(?:\s|$)/,
  /^(?:step|part|chapter|lesson|phase|stage)\s+(?:\d+|[ivxlc]+)\b/i,
];

/** Whether a heading's text begins with its own number. */
export function startsWithNumber(text: string): boolean {
  const start = text.trimStart();
  return numberings.some((numbering) => numbering.test(start));
}
