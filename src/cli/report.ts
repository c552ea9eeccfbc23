import path from "node:path";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";

/** Where the CLI prints: injected so that tests can read what a user would see. */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}

/** Prints each diagnostic once, in file order, then a count. */
export function reportDiagnostics(console: Console, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) console.err(formatDiagnostic(d));
}

/** "2 errors, 1 warning" */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Relative to where the user stands when the folder is below it; else absolute. */
export function shownPath(userCwd: string, dir: string): string {
  const relative = path.relative(userCwd, dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}
