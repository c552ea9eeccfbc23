import { toHtml } from "hast-util-to-html";
import { createHighlighter } from "shiki";
import { describe, expect, it } from "vitest";
import { codeTokensToPre } from "../../src/markdown/code-tokens-to-hast.js";
import { editorColors, pairedCodeTheme, PAIRED_THEME_NAME } from "../../src/markdown/paired-code-theme.js";

const light = (await import("shiki")).bundledThemes["github-light"];
const dark = (await import("shiki")).bundledThemes["github-dark"];

// Code that exercises most of the themes' rules: keywords, strings, template
// expressions, comments, numbers, markdown emphasis (italic/bold), diff lines.
const samples: Array<[string, string]> = [
  ["ts", 'import { readFile } from "node:fs/promises";\n\n// a comment\nexport async function f<T>(x: T, n = 42): Promise<string> {\n  const s = `${x} and ${n * 2}`;\n  return s.replace(/a+/g, "b");\n}\n'],
  ["bash", 'for f in *.md; do\n  echo "$f" | grep -q draft && rm -- "$f"  # gone\ndone\n'],
  ["json", '{ "a": [1, true, null], "b": { "c": "d" } }'],
  ["markdown", "# Title\n\nSome *italic*, **bold**, ~~struck~~ and [a link](https://example.com).\n"],
  ["diff", "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n"],
  ["python", "@decorator\ndef f(x: int) -> str:\n    \"\"\"Doc.\"\"\"\n    return f'{x!r}'\n"],
];

/**
 * `html` with each style's declarations sorted, and Shiki's light-theme font variables
 * (`--shiki-light-font-style`, which leave light mode without the style) read as the
 * properties the paired markup sets directly.
 */
function sameStyles(html: string): string {
  return html.replace(/style="([^"]*)"/g, (_, style: string) => {
    const declarations = style.split(";").map((d) => d.replace(/^--shiki-light-(font-style|font-weight|text-decoration):/, "$1:"));
    return `style="${declarations.sort().join(";")}"`;
  });
}

describe("the paired code theme", async () => {
  const [lightTheme, darkTheme] = [(await light()).default, (await dark()).default];
  const langs = samples.map(([lang]) => lang);
  const shiki = await createHighlighter({ themes: [lightTheme, darkTheme, pairedCodeTheme(lightTheme, darkTheme)], langs });
  const block = {
    background: editorColors(lightTheme, darkTheme, "editor.background"),
    foreground: editorColors(lightTheme, darkTheme, "editor.foreground"),
    themeClass: "shiki-themes github-light github-dark",
  };

  // The reason the pairing exists is speed; the promise is that nothing else changes.
  it.each(samples)("gives %s the same HTML as Shiki's two-theme mode, from one tokenization", (lang, code) => {
    const twoThemes = toHtml(shiki.codeToHast(code, { lang, themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light", tokenizeTimeLimit: 0 }));
    const lines = shiki.codeToTokensBase(code, { lang: lang as "ts", theme: PAIRED_THEME_NAME as "github-light", tokenizeTimeLimit: 0 });
    const paired = toHtml(codeTokensToPre(lines, block));
    expect(sameStyles(paired)).toBe(sameStyles(twoThemes));
  });

  it("styles italic and bold tokens in the light theme too", () => {
    const lines = shiki.codeToTokensBase("Some *italic* and **bold**.", { lang: "markdown", theme: PAIRED_THEME_NAME as "github-light" });
    const html = toHtml(codeTokensToPre(lines, block));
    expect(html).toMatch(/style="color:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6};font-style:italic;--shiki-dark-font-style:italic">\*italic\*</);
    expect(html).toMatch(/font-weight:bold;--shiki-dark-font-weight:bold">\*\*bold\*\*</);
  });

  it("refuses two themes whose rules differ, instead of mixing their colours", () => {
    const changed = { ...darkTheme, tokenColors: darkTheme.tokenColors?.slice(1) };
    expect(() => pairedCodeTheme(lightTheme, changed)).toThrow(/different rules/);
    const reordered = { ...darkTheme, tokenColors: [...(darkTheme.tokenColors ?? [])].reverse() };
    expect(() => pairedCodeTheme(lightTheme, reordered)).toThrow(/differ at rule 0/);
  });
});
