/** The label as CommonMark compares it: case-folded, inner whitespace collapsed. */
const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The offset where the post first uses the reference label `label`: a full reference
 * (`[text][label]`, at its `[` or the `!` of an image), a collapsed (`[label][]`) or a
 * shortcut one (`[label]`). Definitions (`[label]: …`) are not uses. Undefined when unused.
 */
export function findLabelUse(text: string, label: string): number | undefined {
  const wanted = normalizeLabel(label);
  const bracketed = /\[((?:[^\][\\]|\\.)+)\]/g;
  for (let match = bracketed.exec(text); match !== null; match = bracketed.exec(text)) {
    if (normalizeLabel(match[1] ?? "") !== wanted) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (text.charAt(start - 1) === "]") {
      const opening = matchingOpen(text, start - 1);
      if (opening !== undefined) return withBang(text, opening);
      continue;
    }
    const next = text.charAt(end);
    if (next === ":" && isLineStart(text, start)) continue; // the definition itself
    if (next === "(") continue; // an inline link whose text happens to be the label
    return withBang(text, start);
  }
  return undefined;
}

/** The offset of the `[` that the `]` at `close` closes, brackets nested, on its line or the lines before. */
function matchingOpen(text: string, close: number): number | undefined {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text.charAt(i);
    if (text.charAt(i - 1) === "\\") continue;
    if (c === "]") depth++;
    else if (c === "[" && --depth === 0) return i;
    else if (c === "\n" && text.charAt(i - 1) === "\n") return undefined; // a blank line ends a paragraph
  }
  return undefined;
}

const withBang = (text: string, open: number): number => (text.charAt(open - 1) === "!" ? open - 1 : open);

function isLineStart(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, at));
}

/**
 * Where the link whose URL starts at `url` begins, as the build's own link diagnostics
 * place it: a Markdown link or image at its `[` or `!` (after `](` or `](<`), a raw HTML
 * attribute value at its element's `<`; else `url` itself.
 */
export function linkStart(text: string, url: number): number {
  const before = text.charAt(url - 1);
  if (before === '"' || before === "'" || before === "=") {
    const tag = text.lastIndexOf("<", url);
    return tag !== -1 && !/[<>]/.test(text.slice(tag + 1, url)) && /^<[a-zA-Z]/.test(text.slice(tag, tag + 2)) ? tag : url;
  }
  const paren = before === "<" ? url - 2 : url - 1;
  if (text.charAt(paren) !== "(" || text.charAt(paren - 1) !== "]") return url;
  const open = matchingOpen(text, paren - 1);
  return open === undefined ? url : withBang(text, open);
}
