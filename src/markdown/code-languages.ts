// A fence opening: three or more backticks or tildes, then the info string's first word.
// Searched anywhere on a line, so fences inside lists and block quotes are found too.
const FENCE = /(?:`{3,}|~{3,})[ \t]*([^\s`]+)/g;

/**
 * The languages named after code fences in `markdown`, read from the text without parsing
 * it, so that the highlighter can be prepared before any post renders. A superset of what
 * the parser finds (a fence shown inside code counts too); the render highlights only
 * languages that are both in this set and in its parsed code blocks.
 */
export function codeLanguagesOf(markdown: string): Set<string> {
  const languages = new Set<string>();
  if (!markdown.includes("``") && !markdown.includes("~~")) return languages;
  for (const match of markdown.matchAll(FENCE)) {
    const lang = languageKey(unescape(match[1] ?? ""));
    if (lang !== "") languages.add(lang);
  }
  return languages;
}

/** A code block's language as the highlighter looks it up: lowercased, `{…}` line attributes (`js{1,3}`) cut. */
export function languageKey(lang: string): string {
  return lang.replace(/\{.*$/, "").toLowerCase();
}

/** The info word as remark reads it: backslash escapes of punctuation removed. */
function unescape(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
