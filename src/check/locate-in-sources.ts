import { positionAt } from "../diagnostics.js";
import type { SourceFile } from "../model.js";
import type { LocateReference } from "./check-references.js";
import { findLabelUse, linkStart } from "./find-label-use.js";

/**
 * Finds a post page's reference where the post writes it: the page `posts/a/index.html` is
 * made from `sources` entry `posts/a.md`, and a broken link in it should be reported there
 * (the page is never written when the build fails). A URL the post writes as it is, after
 * `(`, `<`, a quote or `=`, is found (a Markdown link at its `[`, like the build's own
 * link diagnostics, so that one link is one place); one the build rewrote (`./posts/x` → `/posts/x/`) is
 * not, and keeps the page's position. A URL of a reference definition (`[d]: /x`) is
 * reported where the post uses the label (`[the docs][d]`), the definition's line in a note.
 */
export function locateInSources(pageSources: ReadonlyMap<string, SourceFile>): LocateReference {
  // A build to disk reads a source's text back from its spool (output/parked-sources.ts): once per page is enough.
  const texts = new Map<string, string>();
  return (from, url) => {
    const source = pageSources.get(from);
    if (source === undefined || url === "") return undefined;
    const text = texts.get(from) ?? source.text;
    texts.set(from, text);
    for (let at = text.indexOf(url); at !== -1; at = text.indexOf(url, at + 1)) {
      const before = text.charAt(at - 1);
      const after = text.charAt(at + url.length);
      if (after !== "" && !`)>"' \t\r\n`.includes(after)) continue;
      const label = definitionLabel(text, at);
      if (label !== undefined) return atUse(text, source.path, label, at);
      if (at > 0 && `(<"'=`.includes(before)) return { file: source.path, at: positionAt(text, linkStart(text, at)) };
    }
    return undefined;
  };
}

/** The label when the URL at `at` is the destination of a definition line (`[label]: url`), else undefined. */
function definitionLabel(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*<?$/.exec(text.slice(lineStart, at))?.[1];
}

function atUse(text: string, file: string, label: string, definitionAt: number) {
  const definition = positionAt(text, definitionAt);
  const use = findLabelUse(text, label);
  const note = `the link's definition \`[${label}]\` is on line ${definition.line}`;
  return { file, at: use === undefined ? definition : positionAt(text, use), note };
}
