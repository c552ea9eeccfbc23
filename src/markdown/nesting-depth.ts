import type { Nodes } from "hast";
import { error, type Diagnostic, type Position } from "../diagnostics.js";

/**
 * How deep a post's rendered tree may nest (lists, quotes, emphasis, HTML elements). The
 * markdown and HTML libraries recurse once per level, and far deeper trees exhaust the
 * stack (list items fail near 1,400 levels on the main thread). A fixed limit well below
 * that refuses the same posts on the main thread and in a worker, whose stack is larger.
 */
export const maxNestingDepth = 512;

/** Whether `tree` nests deeper than maxNestingDepth. Iterative, so it cannot exhaust the stack itself. */
export function nestsTooDeep(tree: Nodes): boolean {
  const pending: [Nodes, number][] = [[tree, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (depth > maxNestingDepth) return true;
    if ("children" in node) for (const child of node.children) pending.push([child, depth + 1]);
  }
  return false;
}

const containerPrefix = /^ {0,3}(?:(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+/;
const containerMarker = />|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])/g;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Whether a line of `text` opens more than maxNestingDepth quotes and list items at its start
 * (`> > - 1. …`): the usual shape of a pathologically deep post, refused before parsing it,
 * since parsing it takes time and memory that grow with the square of the depth.
 */
export function opensTooDeep(text: string): boolean {
  return text.split("\n").some((line) => {
    if (line.length <= maxNestingDepth || thematicBreak.test(line)) return false;
    const prefix = containerPrefix.exec(line)?.[0] ?? "";
    return (prefix.match(containerMarker)?.length ?? 0) > maxNestingDepth;
  });
}

/** Whether `e` is the engine's "Maximum call stack size exceeded". */
export const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

/** The error for a post nested too deeply, at the line that most likely nests deepest. */
export function tooDeep(file: string, body: string): Diagnostic {
  return error("too-deep", `the post nests more than ${maxNestingDepth} elements deep (lists, quotes, emphasis or HTML tags inside each other) and cannot be rendered`,
    file, deepestLine(body), "flatten the nesting: no reader can follow a structure that deep");
}

/**
 * A guess that needs no parse (the parse itself may be what overflowed): the first line with
 * the most nesting marks (`>`, list markers, `*`, `_`, `[`, `<`…) and indentation.
 */
function deepestLine(body: string): Position {
  let best = 1;
  let most = -1;
  body.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const marks = (line.match(/[>*+\-_~[(<]|\d[.)]/g) ?? []).length + (/^[ \t]*/.exec(line)?.[0].length ?? 0) / 2;
    if (marks > most) {
      most = marks;
      best = i + 1;
    }
  });
  return { line: best, column: 1 };
}
