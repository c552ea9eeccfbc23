import { positionAt, type Position } from "../diagnostics.js";
import type { Post } from "../model.js";
import { lineStarts } from "./raw-fields.js";

/**
 * Where a header key's value starts (`!! slug: x` or YAML `slug: x`), for diagnostics about
 * that field; 1:1 when the header does not give the key (a slug made from the file name).
 */
export function headerKeyPosition(post: Post, key: string): Position {
  const name = key.replace(/[^a-z0-9_-]/gi, "");
  const pattern = post.format === "bang"
    ? new RegExp(`^(\\uFEFF?[ \\t]*!![ \\t]*${name}[ \\t]*:[ \\t]*)`, "im")
    : post.format === "toml"
      ? new RegExp(`^(\\uFEFF?["']?${name}["']?[ \\t]*=[ \\t]*)`, "im")
      : new RegExp(`^(\\uFEFF?["']?${name}["']?[ \\t]*:[ \\t]*)`, "im");
  const match = pattern.exec(post.source.text.slice(0, headerEnd(post)));
  if (!match) return { line: 1, column: 1 };
  return { line: positionAt(post.source.text, match.index).line, column: (match[1] ?? "").replace("\uFEFF", "").length + 1 };
}

/**
 * The header is where the body has been blanked: the line of its first non-space character
 * ends it. Counted in lines, as the body's line breaks may be shorter (CRLF made LF).
 */
function headerEnd(post: Post): number {
  const { body } = post;
  const offset = body.search(/[^\s]/);
  if (offset === -1) return post.source.text.length;
  const lines = positionAt(body, offset).line - 1;
  return lineStarts(post.source.text, lines + 1)[lines] ?? post.source.text.length;
}
