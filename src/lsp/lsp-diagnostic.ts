import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver/node";
import type { Diagnostic } from "../diagnostics.js";

/**
 * A daylight diagnostic as the protocol has it: the rule id as its code, the hint after the
 * message (the protocol has no field for it), and a range from its line and column (1-based)
 * to the end of what starts there: a whole `[text](url)` link, else the word.
 */
export function toLspDiagnostic(d: Diagnostic, text: string): LspDiagnostic {
  return {
    range: rangeAt(text, d.line, d.column),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.rule,
    source: "daylight",
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    // What the hint suggests, for the quick fix (quick-fixes.ts).
    ...(suggestionOf(d.hint) === undefined ? {} : { data: { suggestion: suggestionOf(d.hint) } }),
  };
}

/** What the build's hint suggests in place of what is written: `did you mean \`x\`?`. */
export function suggestionOf(hint: string | undefined): string | undefined {
  return hint === undefined ? undefined : /^did you mean `([^`]+)`\?/.exec(hint)?.[1];
}

/** The range a diagnostic at (line, column) covers in `text`; the file's start for one without a place. */
export function rangeAt(text: string, line: number | undefined, column: number | undefined): Range {
  if (line === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const start = { line: line - 1, character: Math.max(0, (column ?? 1) - 1) };
  const lineText = lineOf(text, start.line);
  const rest = lineText.slice(start.character);
  const link = /^!?\[[^\]]*\]\([^)]*\)/.exec(rest) ?? /^!?\[[^\]]*\](?:\[[^\]]*\])?/.exec(rest);
  const length = link ? link[0].length : Math.max(1, rest.search(/\s|$/));
  return { start, end: { line: start.line, character: Math.min(lineText.length, start.character + length) || start.character + 1 } };
}

/** The text of line `n` (0-based), without its line break. */
export function lineOf(text: string, n: number): string {
  let start = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\r$/, "");
}
