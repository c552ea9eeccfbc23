import { detectHeaderFormat } from "../content/parse-post.js";
import type { HeaderFormat } from "../model.js";

/** Where a post's header is, by lines (0-based), and the keys written in it. */
export interface HeaderLines {
  readonly format: HeaderFormat;
  /** The first line of fields (after a `---` or `+++` opening line). */
  readonly first: number;
  /** The line after the last field line (the closing `---`/`+++`, or the first line that is not `!!`). */
  readonly end: number;
  /** Lowercased key → its line. */
  readonly keys: ReadonlyMap<string, number>;
}

const KEY = { bang: /^\uFEFF?[ \t]*!![ \t]*([A-Za-z0-9_-]+)[ \t]*:/, yaml: /^["']?([A-Za-z0-9_-]+)["']?[ \t]*:/, toml: /^["']?([A-Za-z0-9_-]+)["']?[ \t]*=/ } as const;

/**
 * The lines of the header a text starts with, read as the editor needs them (the format
 * from the build's detectHeaderFormat); undefined without one. A header still being typed
 * (no closing `---` yet) runs to the end of the text.
 */
export function headerLines(text: string): HeaderLines | undefined {
  const format = detectHeaderFormat(text);
  if (format === undefined) return undefined;
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  const first = format === "bang" ? 0 : 1;
  const closing = format === "yaml" ? /^(---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/;
  let end = first;
  while (end < lines.length && (format === "bang" ? /^\uFEFF?[ \t]*!!/.test(lines[end] ?? "") : !closing.test(lines[end] ?? ""))) end++;
  const keys = new Map<string, number>();
  for (let line = first; line < end; line++) {
    const key = KEY[format].exec(lines[line] ?? "")?.[1];
    if (key !== undefined && !keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), line);
  }
  return { format, first, end, keys };
}
