/**
 * Where a piece of markdown may start: `at` is the offset of a line start, `line` its 1-based
 * line number, and `kind` why the cut is expected to be safe:
 * - "block": a line at column 0 after a blank line (nothing but the root or a list is open there);
 * - "item": a list item at column 0 right after a line of the same list (no blank line between);
 * - "line": a line inside a paragraph whose every line is plain text and whole inline links.
 * Each is only a candidate: the pieces' trees must still agree (see joinable in join-mdast-pieces).
 */
export interface Cut {
  readonly at: number;
  readonly line: number;
  readonly kind: "block" | "item" | "line";
}

const blank = /^[ \t]*\r?$/;
const columnZero = /^[^ \t\r]/;
// A list item with content, at column 0; no "|" (a table row or delimiter row could be read otherwise).
const itemLine = /^(?:[-+*]|\d{1,9}[.)])[ \t]+[^\s|][^|]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;
// Plain text and whole inline links `[text](destination)`, neither of which can pair with anything on
// another line: no emphasis or strike marks, code ticks, angle brackets, backslashes, pipes or lone brackets.
const plain = "[A-Za-z0-9 .,;:?'\"/%+=-]";
const inlineLink = "\\[" + plain + "*\\]\\([A-Za-z0-9._~:/?#@!$&'*+,;=%-]*\\)";
const simpleLine = new RegExp(`^(?:${inlineLink}|${plain})*$`);
const simpleStart = /^[A-Za-z[]/;
const maxSimpleLine = 16 * 1024;
const fenceLine = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
// The raw HTML blocks that blank lines do not end (CommonMark kinds 1 to 5), each with what ends it.
const rawHtml: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** The candidate cuts of `source`, in order; none when it has a lone "\r" (its lines would not be "\n"-separated). */
export function candidateCuts(source: string): Cut[] {
  if (/\r(?!\n)/.test(source)) return [];
  const withEnds = source.split("\n");
  const lines = withEnds.map((line) => line.replace(/\r$/, ""));
  const simple = simpleRuns(lines);
  const cuts: Cut[] = [];
  const raw = rawBlockTracker();
  let at = 0;
  for (let i = 0; i < lines.length; at += withEnds[i]!.length + 1, i++) {
    const line = lines[i]!;
    if (raw(line) || i === 0 || !columnZero.test(line)) continue;
    const previous = lines[i - 1]!;
    if (blank.test(previous)) cuts.push({ at, line: i + 1, kind: "block" });
    else if (itemLine.test(line) && !thematicBreak.test(line)) cuts.push({ at, line: i + 1, kind: "item" });
    else if (simple[i] && simple[i - 1]) cuts.push({ at, line: i + 1, kind: "line" });
  }
  return cuts;
}

/**
 * For each line, whether it lies in a run of simple lines between blank lines (or the ends of
 * the text): a paragraph in which no inline construct can reach from one line to another.
 */
function simpleRuns(lines: readonly string[]): boolean[] {
  // A line ending in a space or tab could end in a hard break. A line longer than the limit is
  // not tried: the pattern's backtracking state grows with the line (10 MB overflow it).
  const simple = lines.map((line) => line.length <= maxSimpleLine && simpleStart.test(line) && !/[ \t]$/.test(line) && simpleLine.test(line));
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !blank.test(lines[i]!)) continue;
    const whole = simple.slice(runStart, i).every(Boolean);
    if (!whole) simple.fill(false, runStart, i);
    runStart = i + 1;
  }
  return simple;
}

/**
 * Whether each line (fed in order) is probably inside or opening a fenced code block or a raw
 * HTML block at the top level, where no cut is tried. A guess only: the pieces' trees decide.
 */
function rawBlockTracker(): (line: string) => boolean {
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  return (line) => {
    if (fence !== undefined) {
      const m = fenceLine.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && m[2]!.trim() === "") fence = undefined;
      return true;
    }
    if (htmlEnd !== undefined) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      return true;
    }
    const m = fenceLine.exec(line);
    if (m && !(m[1]![0] === "`" && m[2]!.includes("`"))) {
      fence = m[1]!;
      return true;
    }
    for (const [start, end] of rawHtml) {
      const opened = start.exec(line);
      if (!opened) continue;
      if (!end.test(line.slice(opened[0].length))) htmlEnd = end;
      return true;
    }
    return false;
  };
}
