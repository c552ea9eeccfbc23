/**
 * Where a piece of markdown may start: `at` is its offset, `line` and `column` (1-based) its
 * place, and `kind` why the cut is expected to be safe:
 * - "block": a line at column 0 after a blank line (nothing but the root or a list is open there);
 * - "item": a list item at column 0 right after a line of the same list (no blank line between);
 * - "line": a line inside a paragraph whose every line is plain text and whole inline links;
 * - "inline": a link after a space, inside such a paragraph (a paragraph all on one line).
 * Each is only a candidate: the pieces' trees must still agree (see joinable in join-mdast-pieces).
 */
export interface Cut {
  readonly at: number;
  readonly line: number;
  readonly column: number;
  readonly kind: "block" | "item" | "line" | "inline";
}

const blank = /^[ \t]*\r?$/;
const columnZero = /^[^ \t\r]/;
// A list item with content, at column 0; no "|" (a table row or delimiter row could be read otherwise).
const itemLine = /^(?:[-+*]|\d{1,9}[.)])[ \t]+[^\s|][^|]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;
// Plain text and whole inline links `[text](destination)`, neither of which can pair with anything on
// another line or across a space: no emphasis or strike marks, code ticks, angle brackets,
// backslashes, pipes or lone brackets.
const plain = "[A-Za-z0-9 .,;:?'\"/%+=-]";
const plainRun = new RegExp(plain + "+", "y");
const inlineLink = new RegExp("\\[" + plain + "*\\]\\([A-Za-z0-9._~:/?#@!$&'*+,;=%-]*\\)", "y");
const simpleStart = /^[A-Za-z[]/;
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
    if (raw(line)) continue;
    if (i > 0 && columnZero.test(line)) {
      const previous = lines[i - 1]!;
      if (blank.test(previous)) cuts.push({ at, line: i + 1, column: 1, kind: "block" });
      else if (itemLine.test(line) && !thematicBreak.test(line)) cuts.push({ at, line: i + 1, column: 1, kind: "item" });
      else if (simple[i] && simple[i - 1]) cuts.push({ at, line: i + 1, column: 1, kind: "line" });
    }
    for (const index of simple[i] ?? []) cuts.push({ at: at + index, line: i + 1, column: index + 1, kind: "inline" });
  }
  return cuts;
}

/**
 * For each line that lies in a run of simple lines between blank lines (or the ends of the
 * text) — a paragraph in which no inline construct can reach from one line to another, or
 * across a space — where in it a link follows a space; undefined for every other line.
 */
function simpleRuns(lines: readonly string[]): Array<number[] | undefined> {
  const simple = lines.map((line) => (simpleStart.test(line) ? linksAfterSpaces(line) : undefined));
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !blank.test(lines[i]!)) continue;
    // A line ending in a space or tab could end in a hard break, unless it ends the paragraph.
    const breaks = lines.slice(runStart, i - 1).some((line) => /[ \t]$/.test(line));
    const whole = !breaks && simple.slice(runStart, i).every(Boolean);
    if (!whole) simple.fill(undefined, runStart, i);
    runStart = i + 1;
  }
  return simple;
}

/**
 * Where `line`, if it is nothing but plain text and whole inline links, has a link right after
 * a space; undefined if it is anything else. A scan with sticky patterns, linear in the line:
 * one pattern for the whole line backtracks in a state that grows with it (10 MB overflow it).
 */
function linksAfterSpaces(line: string): number[] | undefined {
  const starts: number[] = [];
  for (let i = 0; i < line.length; ) {
    const pattern = line[i] === "[" ? inlineLink : plainRun;
    pattern.lastIndex = i;
    if (!pattern.test(line)) return undefined;
    if (pattern === inlineLink && line[i - 1] === " ") starts.push(i);
    i = pattern.lastIndex;
  }
  return starts;
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
