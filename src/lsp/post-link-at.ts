import type { Range } from "vscode-languageserver/node";
import { parsePostLink } from "../markdown/parse-post-link.js";
import { lineOf } from "./lsp-diagnostic.js";

/** A `./posts/<slug>` link under the cursor. */
export interface LinkAt {
  readonly slug: string;
  readonly fragment: string | undefined;
  /** Where the slug is written (what a rename replaces). */
  readonly slugRange: Range;
  /** The whole link (`[text](url)`, or the URL alone). */
  readonly range: Range;
}

// A URL that may be a post link, not inside a longer path or word; the build's parsePostLink decides.
const URL_CANDIDATE = /(?<![\w./-])(?:\.\/|\/)?posts\/[^\s)"'<>\]]*/g;
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)/g;

/** The post link at (line, character), 0-based, on the link's text or its URL; undefined elsewhere. */
export function postLinkAt(text: string, line: number, character: number): LinkAt | undefined {
  const lineText = lineOf(text, line);
  for (const link of lineText.matchAll(INLINE_LINK)) {
    const start = link.index;
    const end = start + link[0].length;
    const url = link[1] ?? "";
    if (character < start || character > end) continue;
    const urlAt = link[0].indexOf(url, link[0].indexOf("](")) + start;
    const found = linkOf(url, line, urlAt);
    if (found) return { ...found, range: { start: { line, character: start }, end: { line, character: end } } };
  }
  for (const candidate of lineText.matchAll(URL_CANDIDATE)) {
    const start = candidate.index;
    if (character < start || character > start + candidate[0].length) continue;
    const found = linkOf(candidate[0], line, start);
    if (found) return found;
  }
  return undefined;
}

/** The link the URL written at `urlStart` on `line` is, when the build reads it as a post link. */
function linkOf(url: string, line: number, urlStart: number): LinkAt | undefined {
  const parts = parsePostLink(url);
  if (parts === undefined) return undefined;
  const slugStart = urlStart + url.indexOf("posts/") + "posts/".length;
  const at = (character: number) => ({ line, character });
  return {
    slug: parts.slug,
    fragment: parts.fragment,
    slugRange: { start: at(slugStart), end: at(slugStart + parts.slug.length) },
    range: { start: at(urlStart), end: at(urlStart + url.length) },
  };
}
