/**
 * Diagnostics are data: every problem in the user's input becomes one of these, never an
 * exception. The CLI prints them; the dev server shows them in the browser.
 */

export type Severity = "error" | "warning";

/** One problem, positioned in the file that has it. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable kebab-case id: `broken-post-link`, `missing-title`, `duplicate-slug`… */
  readonly rule: string;
  /** What happened. */
  readonly message: string;
  /** What to do about it, when there is something to say. */
  readonly hint?: string | undefined;
  /** Path from the site root (`posts/a.md`, `site.config.json`, `templates/post.liquid`). */
  readonly file?: string | undefined;
  /** 1-based. */
  readonly line?: number | undefined;
  /** 1-based. */
  readonly column?: number | undefined;
}

/** Where in a file: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Builds a diagnostic; `at` may be omitted for file-level problems. */
export function diagnostic(
  severity: Severity,
  rule: string,
  message: string,
  file: string | undefined,
  at?: Position,
  hint?: string,
): Diagnostic {
  return { severity, rule, message, hint, file, line: at?.line, column: at?.column };
}

export const error = (rule: string, message: string, file?: string, at?: Position, hint?: string) =>
  diagnostic("error", rule, message, file, at, hint);

export const warning = (rule: string, message: string, file?: string, at?: Position, hint?: string) =>
  diagnostic("warning", rule, message, file, at, hint);

/** The 1-based line and column of a character offset in `text` (lines end at "\n"). */
export const positionAt = (text: string, offset: number): Position => createLineIndex(text)(offset);

/**
 * The one offset → position helper: line starts found once (lazily, from a text or a
 * function that gives it), then each offset by binary search (a page may have many findings).
 */
export function createLineIndex(source: string | (() => string)): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      const text = typeof source === "string" ? source : source();
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");

/** `--strict`: every warning becomes an error. */
export const promoteWarnings = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));

/** Stable order (file, line, column, rule), each distinct diagnostic once. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.rule, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

/** `path:line:column  severity  message  [rule]`, then the hint indented on its own line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? [d.file, d.line, d.column].filter((p) => p !== undefined).join(":") : "daylight";
  const head = `${where}  ${d.severity}  ${d.message}  [${d.rule}]`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}
