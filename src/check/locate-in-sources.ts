import { positionAt } from "../diagnostics.js";
import type { SourceFile } from "../model.js";
import type { LocateReference } from "./check-references.js";

/**
 * Finds a post page's reference where the post writes it: the page `posts/a/index.html` is
 * made from `sources` entry `posts/a.md`, and a broken link in it should be reported there
 * (the page is never written when the build fails). A URL the post writes as it is, after
 * `(`, `<`, a quote or `=`, is found; one the build rewrote (`./posts/x` → `/posts/x/`) is
 * not, and keeps the page's position.
 */
export function locateInSources(pageSources: ReadonlyMap<string, SourceFile>): LocateReference {
  // A released source reads its file again for its text: once per page is enough.
  const texts = new Map<string, string>();
  return (from, url) => {
    const source = pageSources.get(from);
    if (source === undefined || url === "") return undefined;
    const text = texts.get(from) ?? source.text;
    texts.set(from, text);
    for (let at = text.indexOf(url); at !== -1; at = text.indexOf(url, at + 1)) {
      const before = text.charAt(at - 1);
      const after = text.charAt(at + url.length);
      if (at > 0 && `(<"'=`.includes(before) && (after === "" || `)>"' \t\r\n`.includes(after))) {
        return { file: source.path, at: positionAt(text, at) };
      }
    }
    return undefined;
  };
}
