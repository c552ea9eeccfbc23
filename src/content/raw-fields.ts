import type { Diagnostic } from "../diagnostics.js";

/** One header field as written, before validation; positions are true places in the file. */
export interface RawField {
  /** The key as written (before lowercasing), for messages. */
  readonly key: string;
  /** A string for `!!` headers; whatever YAML made of it for front matter. */
  readonly value: unknown;
  /** The value's source text when it sits on the key's line (YAML numbers and dates need it). */
  readonly raw: string | undefined;
  /** 1-based line and column of the value (of the key when the value is empty). */
  readonly line: number;
  readonly column: number;
  /** 1-based column of the key on `line`: diagnostics about the key itself (unknown, given twice) point there. */
  readonly keyColumn: number;
}

/** Lowercased key → field, in the order written. */
export type RawFields = ReadonlyMap<string, RawField>;

/** What a header parser hands to field validation. */
export interface ParsedHeader {
  readonly fields: RawFields;
  /** Where the body starts: the post's markdown is the text with everything before blanked out (see blankRange). */
  readonly bodyStart: number;
  readonly diagnostics: Diagnostic[];
}

/** Length of a leading UTF-8 byte order mark (0 or 1 code unit). */
export const bomLength = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/**
 * `text` with the characters in [start, end) replaced by spaces, line breaks kept, so that
 * every later offset, line and column is unchanged.
 */
export function blankRange(text: string, start: number, end: number): string {
  const blanked = text.slice(start, end).replace(/[^\r\n]/g, " ");
  return text.slice(0, start) + blanked + text.slice(end);
}

/** The start offset of every line of `text` (the first is 0). Stops after `maxLines`. */
export function lineStarts(text: string, maxLines = Infinity): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1 && starts.length < maxLines; i = text.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}
