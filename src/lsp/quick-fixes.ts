import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver/node";
import { lineOf } from "./lsp-diagnostic.js";
import { postLinkAt } from "./post-link-at.js";

/**
 * The quick fix of a diagnostic whose hint names what was meant (its `data.suggestion`):
 * the slug of a broken post link, the `#fragment` of a link, a near-miss header key. The
 * suggestion is the build's own (nearestSlug, closestMatch, nearMissKey); this only places it.
 */
export function quickFixOf(uri: string, text: string, diagnostic: LspDiagnostic): CodeAction | undefined {
  const suggestion = (diagnostic.data as { suggestion?: unknown } | undefined)?.suggestion;
  if (typeof suggestion !== "string") return undefined;
  const range = rangeToFix(text, diagnostic, suggestion);
  if (range === undefined) return undefined;
  const newText = suggestion.replace(/^#/, "");
  return {
    title: `Change to \`${suggestion}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range, newText }] } },
  };
}

/** Where the written slug, fragment or key that the suggestion replaces is. */
function rangeToFix(text: string, diagnostic: LspDiagnostic, suggestion: string): Range | undefined {
  const { line, character } = diagnostic.range.start;
  switch (diagnostic.code) {
    case "broken-post-link": {
      const link = /^[a-z0-9-]+$/.test(suggestion) ? postLinkAt(text, line, character) : undefined;
      return link?.slugRange;
    }
    case "unknown-fragment": {
      const link = postLinkAt(text, line, character);
      if (link?.fragment === undefined) return undefined;
      const start = lineOf(text, line).indexOf(`#${link.fragment}`, link.slugRange.end.character) + 1;
      return start === 0 ? undefined : { start: { line, character: start }, end: { line, character: start + link.fragment.length } };
    }
    case "unknown-key": {
      const key = /^[A-Za-z0-9_-]+/.exec(lineOf(text, line).slice(character))?.[0];
      return key === undefined ? undefined : { start: { line, character }, end: { line, character: character + key.length } };
    }
    default:
      return undefined;
  }
}
