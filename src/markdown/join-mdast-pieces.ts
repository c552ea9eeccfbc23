import type { List, Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { Point } from "unist";
import type { Cut } from "./split-markdown-source.js";

/** One piece of a markdown source, [start, end), parsed alone; its positions are the file's. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  /** How the piece's first line was chosen; undefined for the first piece. */
  readonly cut: Cut | undefined;
  readonly tree: Root;
}

/** Moves every position in `tree` from the piece's own coordinates to the file's: the piece starts at `cut`. */
export function shiftPositions(tree: Root, cut: Cut): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        // Only the piece's first line starts mid-line in the file.
        if (point.line === 1) point.column += cut.column - 1;
        point.line += cut.line - 1;
        if (point.offset !== undefined) point.offset += cut.at;
      }
    }
    if ("children" in node) for (const child of node.children) pending.push(child);
  }
}

/**
 * What joining a piece to the one before takes: appending its blocks, or making one list of
 * two (loose when a blank line separates them) or one paragraph of two.
 */
export type Join = "append" | "list" | "loose-list" | "paragraph";

// Top-level blocks that nothing after a blank line can continue, once they have ended before it.
const endedByBlankLine = new Set(["paragraph", "heading", "thematicBreak", "blockquote", "list", "table", "html", "code"]);

/**
 * Whether `previous` and `next` (adjacent pieces of `source`) parse as the whole would, and how
 * to join them. The piece before the cut must have closed its last block before its last line
 * ending: a block still open at the end of a piece (a fence, raw HTML, a list item ending in
 * one) could have taken in the lines after the cut.
 */
export function joinable(previous: Piece, next: Piece, source: string): Join | undefined {
  const cut = next.cut;
  const last = previous.tree.children.at(-1);
  const first = next.tree.children[0];
  if (!cut || !last || !first || first.position?.start.offset !== cut.at) return undefined;
  if ((last.position?.end.offset ?? Infinity) > lastLineEnd(source, previous.start, cut.at)) return undefined;
  const sameList = last.type === "list" && first.type === "list" && listKind(last, source) === listKind(first, source);
  if (cut.kind === "block") return !endedByBlankLine.has(last.type) || endsInCode(last) ? undefined : sameList ? "loose-list" : "append";
  if (cut.kind === "item") return sameList && !endsInCode(last) ? "list" : undefined;
  // "line" and "inline": the two halves of one paragraph.
  return last.type === "paragraph" && first.type === "paragraph" ? "paragraph" : undefined;
}

/**
 * Whether `node`'s last block, inside its last list items and quotes, is code. micromark still
 * counts indented code as going on after a blank line, so the next line "interrupts" it: an
 * ordered list from 2 or an empty item would start a list at the start of a piece, not there.
 */
function endsInCode(node: Nodes): boolean {
  let deepest = node;
  while ((deepest.type === "list" || deepest.type === "listItem" || deepest.type === "blockquote") && deepest.children.length) {
    deepest = deepest.children.at(-1)!;
  }
  return deepest.type === "code";
}

/** Where the last line of source[start, end) that is not blank ends. */
function lastLineEnd(source: string, start: number, end: number): number {
  let last = end - 1;
  while (last >= start && /\s/.test(source[last]!)) last--;
  const lineEnd = source.slice(last + 1, end).search(/\r?\n/);
  return lineEnd === -1 ? end : last + 1 + lineEnd;
}

/** The marker that ties list items into one list: the bullet, or the delimiter after an ordered item's number. */
function listKind(list: List, source: string): string {
  const at = list.position?.start.offset ?? -1;
  return list.ordered ? (/^\d+([.)])/.exec(source.slice(at, at + 12))?.[1] ?? "?") : (source[at] ?? "?");
}

/** Appends `next`'s blocks to `into` (the tree so far), joining at the seam as `join` says. */
export function appendPiece(into: Root, next: Root, join: Join, source: string): void {
  const [first, ...rest] = next.children;
  const last = into.children.at(-1);
  if (join.endsWith("list") && last?.type === "list" && first?.type === "list") joinLists(last, first, join === "loose-list");
  else if (join === "paragraph" && last?.type === "paragraph" && first?.type === "paragraph") joinParagraphs(last, first, source);
  else if (first) rest.unshift(first);
  for (const node of rest) into.children.push(node as RootContent);
  if (into.position && next.position) into.position.end = next.position.end;
}

// mdast-util-from-markdown marks a list spread when a blank line separates two of its items.
function joinLists(into: List, next: List, blankBetween: boolean): void {
  into.spread = Boolean(into.spread || next.spread || blankBetween);
  for (const item of next.children) into.children.push(item);
  if (into.position && next.position) into.position.end = next.position.end;
}

/** One paragraph from two halves split between lines or links: what lies between them (a line ending, spaces) is text. */
function joinParagraphs(into: Paragraph, next: Paragraph, source: string): void {
  const tail = into.children.at(-1);
  const head = next.children[0];
  const from = tail?.position?.end;
  const to = head?.position?.start;
  if (!tail || !head || !from || !to || from.offset === undefined || to.offset === undefined) throw new Error("paragraph pieces without positions");
  const gap = source.slice(from.offset, to.offset);
  const rest: PhrasingContent[] = next.children.slice(1);
  if (tail.type === "text" && head.type === "text") {
    tail.value += gap + head.value;
    tail.position!.end = head.position!.end;
  } else if (tail.type === "text") {
    tail.value += gap;
    tail.position!.end = copy(to);
    rest.unshift(head);
  } else if (head.type === "text") {
    head.value = gap + head.value;
    head.position!.start = copy(from);
    rest.unshift(head);
  } else {
    rest.unshift({ type: "text", value: gap, position: { start: copy(from), end: copy(to) } }, head);
  }
  // One by one: spreading a long list into push() would pass each node as an argument on the stack.
  for (const node of rest) into.children.push(node);
  if (into.position && next.position) into.position.end = next.position.end;
}

const copy = (point: Point): Point => ({ line: point.line, column: point.column, offset: point.offset });
