import type { Position } from "../diagnostics.js";
import type { Post } from "../model.js";

/**
 * Where a header key's value starts (`!! slug: x` or YAML `slug: x`), for diagnostics about
 * that field; 1:1 when the header does not give the key (a slug made from the file name).
 */
export function headerKeyPosition(post: Post, key: string): Position {
  const name = key.replace(/[^a-z0-9_-]/gi, "");
  const pattern = post.format === "bang"
    ? new RegExp(`^(\\uFEFF?!![ \\t]*${name}[ \\t]*:[ \\t]*)`, "im")
    : new RegExp(`^(\\uFEFF?["']?${name}["']?[ \\t]*:[ \\t]*)`, "im");
  const match = pattern.exec(post.source.text.slice(0, headerEnd(post)));
  if (!match) return { line: 1, column: 1 };
  const line = post.source.text.slice(0, match.index).split("\n").length;
  return { line, column: (match[1] ?? "").replace("\uFEFF", "").length + 1 };
}

/** The header is where the body has been blanked: the first non-space character ends it. */
function headerEnd(post: Post): number {
  const offset = post.body.search(/[^\s]/);
  return offset === -1 ? post.body.length : offset;
}
