import { createRequire } from "node:module";

// The math syntax, KaTeX and an HTML parser load with the first source that holds a `$`: a
// site without one never loads them. Renders are synchronous, so they are required (Node
// ≥ 20.19 requires ES modules; katex ships CommonJS of its own).
const require = createRequire(import.meta.url);

/** What rendering math needs, loaded together on first use. */
export interface MathEngine {
  readonly syntax: typeof import("micromark-extension-math").math;
  readonly fromMarkdown: typeof import("mdast-util-math").mathFromMarkdown;
  readonly katex: typeof import("katex").default;
  readonly fromHtml: typeof import("hast-util-from-html").fromHtml;
}

let engine: MathEngine | undefined;

/** The math engine, loaded the first time a source needs it. */
export function mathEngine(): MathEngine {
  engine ??= {
    syntax: (require("micromark-extension-math") as typeof import("micromark-extension-math")).math,
    fromMarkdown: (require("mdast-util-math") as typeof import("mdast-util-math")).mathFromMarkdown,
    katex: require("katex") as typeof import("katex").default,
    fromHtml: (require("hast-util-from-html") as typeof import("hast-util-from-html")).fromHtml,
  };
  return engine;
}

/** Whether math syntax can appear in `source` at all: every formula starts with a `$`. */
export const mayHoldMath = (source: string): boolean => source.includes("$");
