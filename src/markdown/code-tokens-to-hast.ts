import type { Element, ElementContent } from "hast";
import type { ThemedToken } from "shiki";
import { decodePair, type ColorPair } from "./paired-code-theme.js";

/** Shiki's FontStyle bits. */
const ITALIC = 1;
const BOLD = 2;
const UNDERLINE = 4;
const STRIKETHROUGH = 8;

/** The colours of a whole code block: its background and its default text colour. */
export interface BlockColors {
  readonly background: ColorPair;
  readonly foreground: ColorPair;
  /** The class on `<pre>` that names the two themes, as Shiki writes it. */
  readonly themeClass: string;
}

/**
 * The `<pre>` for tokens of the paired theme, in Shiki's own two-theme markup: the light
 * colour as `color`, the dark one as `--shiki-dark` (the theme's CSS switches to it), one
 * `<span class="line">` per line.
 */
export function codeTokensToPre(lines: readonly (readonly ThemedToken[])[], block: BlockColors): Element {
  const children: ElementContent[] = [];
  lines.forEach((tokens, i) => {
    if (i > 0) children.push({ type: "text", value: "\n" });
    children.push(element("span", { className: ["line"] }, mergeWhitespace(tokens).map(tokenSpan)));
  });
  const style = `background-color:${block.background.light};--shiki-dark-bg:${block.background.dark};` +
    `color:${block.foreground.light};--shiki-dark:${block.foreground.dark}`;
  return element("pre", { className: ["shiki", ...block.themeClass.split(" ")], style, tabIndex: 0 }, [
    element("code", {}, children),
  ]);
}

/**
 * Whitespace-only tokens joined to the token after them, as Shiki's own HTML does, so that
 * indentation and the space before a word do not each cost a span. Not into an underlined
 * or struck-through token, whose line would then run under the spaces.
 */
function mergeWhitespace(tokens: readonly ThemedToken[]): ThemedToken[] {
  const merged: ThemedToken[] = [];
  let carried = "";
  tokens.forEach((token, i) => {
    const decorated = ((token.fontStyle ?? 0) & (UNDERLINE | STRIKETHROUGH)) !== 0;
    if (!decorated && /^\s+$/.test(token.content) && i + 1 < tokens.length) {
      carried += token.content;
    } else if (carried && !decorated) {
      merged.push({ ...token, content: carried + token.content });
      carried = "";
    } else {
      if (carried) merged.push({ content: carried, offset: token.offset - carried.length });
      merged.push(token);
      carried = "";
    }
  });
  return merged;
}

function tokenSpan(token: ThemedToken): Element {
  const pair = decodePair(token.color);
  const declarations: string[] = [];
  if (pair) declarations.push(`color:${pair.light.toUpperCase()}`, `--shiki-dark:${pair.dark.toUpperCase()}`);
  // Both themes style a token's font alike (the pairing checks they share their rules).
  const fontStyle = token.fontStyle ?? 0;
  if (fontStyle & ITALIC) declarations.push("font-style:italic", "--shiki-dark-font-style:italic");
  if (fontStyle & BOLD) declarations.push("font-weight:bold", "--shiki-dark-font-weight:bold");
  const decorations = [fontStyle & UNDERLINE && "underline", fontStyle & STRIKETHROUGH && "line-through"].filter(Boolean).join(" ");
  if (decorations) declarations.push(`text-decoration:${decorations}`, `--shiki-dark-text-decoration:${decorations}`);
  const text: ElementContent = { type: "text", value: token.content };
  return element("span", declarations.length > 0 ? { style: declarations.join(";") } : {}, [text]);
}

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}
