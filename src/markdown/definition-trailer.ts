import type { Nodes, Root } from "mdast";
import { positionAt } from "../diagnostics.js";

/**
 * A link reference `[a][b]` or a footnote call `[^b]` is one only if the document defines its
 * label somewhere, before or after it. Parsed alone, a piece of a document would not know the
 * definitions of the other pieces: each piece is parsed with a trailer that defines every
 * label the document may define (`[label]: x`, blank-line separated), whose nodes are then
 * dropped. Definition targets are not needed: mdast keeps references by label, and the real
 * definitions stay in the piece that holds them.
 */
export interface DefinitionTrailer {
  /** Markdown to append to a piece: after a blank line, one definition per candidate label. */
  readonly text: string;
  /** The kind and identifier of each definition the trailer makes (`definition:foo`, `footnoteDefinition:1`). */
  readonly defines: ReadonlySet<string>;
}

// Every `[label]:` of the source, wherever it stands: a superset of the definitions, in the
// forms a definition's label may take (escapes, up to 999 characters, across lines).
const candidate = /\[((?:[^\\[\]]|\\[\s\S]){1,999})\]:/g;

/** The trailer for `source`, made with `parse`; undefined when it would be longer than `maxChars`. */
export function definitionTrailer(source: string, parse: (text: string) => Root, maxChars: number): DefinitionTrailer | undefined {
  const labels = new Set<string>();
  for (const match of source.matchAll(candidate)) labels.add(match[1]!);
  const text = "\n\n" + [...labels].map((label) => `[${label}]: x\n\n`).join("");
  if (text.length > maxChars) return undefined;
  return { text, defines: definitionsIn(parse(text)) };
}

/** The kind and identifier of every definition in `tree`, inside lists, quotes and footnotes too. */
export function definitionsIn(tree: Root): Set<string> {
  const found = new Set<string>();
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "definition" || node.type === "footnoteDefinition") found.add(`${node.type}:${node.identifier}`);
    if ("children" in node) for (const child of node.children) pending.push(child);
  }
  return found;
}

/**
 * `tree`, the parse of the text `piece` followed by a trailer, without the
 * trailer's nodes and ending where the piece ends; undefined when a block of the piece ran on
 * into the trailer (an open fence or raw HTML), where the piece alone would have ended it.
 */
export function withoutTrailer(tree: Root, piece: string): Root | undefined {
  const kept = tree.children.filter((node) => (node.position?.start.offset ?? 0) < piece.length);
  if (kept.some((node) => (node.position?.end.offset ?? Infinity) > piece.length)) return undefined;
  tree.children = kept;
  // The point just after the piece's last character, as micromark gives a document's end.
  if (tree.position) tree.position.end = { ...positionAt(piece, piece.length), offset: piece.length };
  return tree;
}
