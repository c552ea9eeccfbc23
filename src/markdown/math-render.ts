import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { VFile } from "vfile";
import { visit, SKIP } from "unist-util-visit";
import { error } from "../diagnostics.js";
import { mathEngine } from "./math-engine.js";
import { positionOf, renderStateOf, type RenderState } from "./render-state.js";

/**
 * Rehype plugin: each formula the math syntax made (`<code class="math-inline">`, and
 * `<pre><code class="math-display">`) becomes KaTeX's HTML, with its MathML beside it (feeds and
 * screen readers read that). A formula KaTeX cannot read is an `invalid-math` error at its
 * `$`, and stays on the page as its source in a `<code>`: no red text, no crash.
 */
export function rehypeMath() {
  return (tree: Root, file: VFile): undefined => {
    if (file.data.daylightMath !== true) return;
    const state = renderStateOf(file);
    visit(tree, "element", (element, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const display = formulaOf(element, "math-display");
      const inline = display === undefined ? formulaOf(element, "math-inline") : undefined;
      const formula = display ?? inline;
      if (formula === undefined) return;
      parent.children.splice(index, 1, ...renderFormula(formula, element, display !== undefined, state));
      return [SKIP, index + 1];
    });
  };
}

/** The `<code>` of a formula with class `kind`: the element itself (inline) or its only child (a `<pre>`, display). */
function formulaOf(element: Element, kind: "math-inline" | "math-display"): Element | undefined {
  const code = kind === "math-display" && element.tagName === "pre" ? element.children[0] : element;
  if (code?.type !== "element" || code.tagName !== "code") return undefined;
  const classes = code.properties["className"];
  return Array.isArray(classes) && classes.includes(kind) ? code : undefined;
}

function renderFormula(code: Element, written: Element, display: boolean, state: RenderState): ElementContent[] {
  const tex = toString(code);
  const { katex, fromHtml } = mathEngine();
  try {
    const html = katex.renderToString(tex, { displayMode: display, output: "htmlAndMathml", throwOnError: true, strict: "ignore" });
    return fromHtml(html, { fragment: true }).children as ElementContent[];
  } catch (e) {
    if (!(e instanceof katex.ParseError)) throw e;
    state.diagnostics.push(error(
      "invalid-math",
      `the formula \`${tex.trim()}\` cannot be read: ${e.rawMessage}`,
      state.file,
      positionOf(written, state),
      "fix the TeX between the dollars, or write `\\$` for a dollar sign that is no formula",
    ));
    const source: Element = { type: "element", tagName: "code", properties: { className: ["math-error"] }, children: [{ type: "text", value: tex }] };
    return [display ? { type: "element", tagName: "pre", properties: {}, children: [source] } : source];
  }
}
