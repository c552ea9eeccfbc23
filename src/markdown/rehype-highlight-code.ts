import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { toString } from "hast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { warning } from "../diagnostics.js";
import { languageKey } from "./code-languages.js";
import { highlightCode } from "./highlighter.js";
import { fromRawHtml } from "./inside-ranges.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

/**
 * Rehype plugin: highlights fenced code blocks with Shiki at build time (inline styles, both
 * themes; no client script). Only blocks written in Markdown whose language the post's
 * fences name (RenderState.codeLanguages, prepared before rendering) are highlighted; code
 * in raw HTML is kept as written. An unknown language stays plain code, with one warning
 * per post and language.
 */
export function rehypeHighlightCode() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    if (state.codeLanguages.size === 0) return;
    const warned = new Set<string>();
    visit(tree, "element", (pre, index, parent) => {
      if (pre.tagName !== "pre" || parent === undefined || index === undefined) return undefined;
      const code = codeChild(pre);
      const lang = code && languageOf(code);
      if (!code || lang === undefined || fromRawHtml(pre, state.rawRanges)) return SKIP;
      if (!state.codeLanguages.has(languageKey(lang))) return SKIP;
      const text = toString(code);
      // Highlighted without its final newline (Shiki would make it an empty last line), which
      // is put back after the last line: the block's text stays the text written.
      const result = highlightCode(text.replace(/\n$/, ""), languageKey(lang));
      if (result.kind === "unknown-language" && !warned.has(languageKey(lang))) {
        warned.add(languageKey(lang));
        state.diagnostics.push(unknownLanguage(lang, pre, state));
      }
      if (result.kind !== "html") return SKIP;
      parent.children[index] = withLanguageClass(result.pre, lang, pre, text.endsWith("\n"));
      return SKIP;
    });
  };
}

function codeChild(pre: Element): Element | undefined {
  const elements = pre.children.filter((child) => child.type === "element");
  const [code] = elements;
  return elements.length === 1 && code?.tagName === "code" ? code : undefined;
}

/** The language of `<code class="language-x">`, as remark-rehype writes a fence's info word. */
function languageOf(code: Element): string | undefined {
  const classes = code.properties["className"];
  if (!Array.isArray(classes)) return undefined;
  const name = classes.find((c) => typeof c === "string" && c.startsWith("language-"));
  return typeof name === "string" ? name.slice("language-".length) : undefined;
}

/**
 * Shiki's `<pre>` in place of the original, which keeps its position, the `language-x` class
 * on `<code>` and, when it had one, the final newline of its text.
 */
function withLanguageClass(highlighted: Element, lang: string, original: Element, finalNewline: boolean): Element {
  const code = highlighted.children.find((child) => child.type === "element");
  if (code?.type === "element") {
    code.properties["className"] = [`language-${lang}`];
    if (finalNewline) code.children.push({ type: "text", value: "\n" });
  }
  return original.position ? { ...highlighted, position: original.position } : highlighted;
}

function unknownLanguage(lang: string, pre: Element, state: RenderState) {
  return warning(
    "unknown-language",
    `no syntax highlighting for the language \`${lang}\`: the code is shown plain`,
    state.file,
    positionOf(pre, state),
    "use a language name Shiki knows (ts, js, bash, json, python…), or `text` for plain text",
  );
}
