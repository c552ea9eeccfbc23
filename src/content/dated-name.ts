import { parseHeaderDate } from "./dates.js";

/** The date and the rest of a post's name `YYYY-MM-DD-rest` (Jekyll, Eleventy and Zola name posts so). */
export interface DatedName {
  /** `YYYY-MM-DD`, a real calendar day. */
  readonly date: string;
  /** The name after the date and its `-` or `_`. */
  readonly rest: string;
}

const dated = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/;

/**
 * The name a post's slug is made from: the file name without its extension, or the folder's
 * name for `index.*` (a page bundle, `posts/<name>/index.md`).
 */
export function postName(path: string): string {
  const parts = path.split("/").filter((p) => p !== "");
  const name = (parts.at(-1) ?? "").replace(/\.[^.]*$/, "");
  return name.toLowerCase() === "index" && parts.length > 1 ? (parts.at(-2) ?? name) : name;
}

/** The date a post's name starts with (`2016-10-06-release.md`, `2016-10-06-release/index.md`), or undefined. */
export function datedName(path: string): DatedName | undefined {
  const m = dated.exec(postName(path));
  const [, date, rest] = m ?? [];
  if (date === undefined || rest === undefined || parseHeaderDate(date, "UTC") === undefined) return undefined;
  return { date, rest };
}
