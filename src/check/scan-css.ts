import type { Reference } from "./reference.js";

/**
 * The URLs a style sheet loads: `url(…)` (quoted or not) and `@import "…"`. Comments
 * and other strings are skipped. `offset` is added to every position, so a `<style>`
 * body or a `style` attribute reports positions in its HTML file.
 */
export function scanCss(text: string, offset = 0): Reference[] {
  const refs: Reference[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === 34 || c === 39 /* " ' */) {
      i = skipString(text, i).end;
    } else if ((c === 117 || c === 85) /* u U */ && isUrlOpen(text, i)) {
      i = readUrl(text, i + 4, offset, refs);
    } else if (c === 64 /* @ */ && text.slice(i + 1, i + 7).toLowerCase() === "import") {
      let j = i + 7;
      while (j < n && /\s/.test(text[j]!)) j++;
      const q = text.charCodeAt(j);
      if (q === 34 || q === 39) {
        const string = skipString(text, j);
        refs.push({ url: string.value, offset: offset + j + 1 });
        i = string.end;
      } else i = j;
    } else i++;
  }
  return refs;
}

function isUrlOpen(text: string, i: number): boolean {
  if (text.slice(i, i + 4).toLowerCase() !== "url(") return false;
  const before = text.charCodeAt(i - 1);
  // `my-url(` is another function: a name character before `url(` means it is not the token.
  return !(before === 45 || before === 95 || (before >= 48 && before <= 57) || /[a-zA-Z]/.test(text[i - 1] ?? ""));
}

/** Reads a url( body starting at `i` (after the parenthesis); returns where scanning resumes. */
function readUrl(text: string, i: number, offset: number, refs: Reference[]): number {
  const n = text.length;
  while (i < n && /\s/.test(text[i]!)) i++;
  const q = text.charCodeAt(i);
  if (q === 34 || q === 39) {
    const string = skipString(text, i);
    refs.push({ url: string.value, offset: offset + i + 1 });
    const close = text.indexOf(")", string.end);
    return close === -1 ? n : close + 1;
  }
  const close = text.indexOf(")", i);
  const end = close === -1 ? n : close;
  const url = unescapeCss(text.slice(i, end).trim());
  if (url) refs.push({ url, offset: offset + i });
  return end + 1;
}

/** A quoted CSS string starting at `i`: its unescaped value and the index after its closing quote. */
function skipString(text: string, i: number): { value: string; end: number } {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
  return { value: unescapeCss(text.slice(i + 1, j)), end: j + 1 };
}

/** CSS escapes: `\` + up to 6 hex digits (and one optional space), or `\` + any other character. */
function unescapeCss(value: string): string {
  if (!value.includes("\\")) return value;
  return value.replace(/\\([0-9a-fA-F]{1,6}\s?|[^\n0-9a-fA-F])/g, (_, body: string) =>
    /^[0-9a-fA-F]/.test(body) ? String.fromCodePoint(parseInt(body.trim(), 16) || 0xfffd) : body);
}
