import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { mathForFeeds } from "../../src/site/feeds/math-for-feeds.js";
import { makeContext, makePost } from "../markdown/make-post.js";
import { htmlToText } from "../../src/site/search/html-text.js";

const render = (text: string) => renderPost(makePost(text), makeContext());
/** The formulas of some HTML, as the TeX of their annotations. */
const formulas = (html: string) => Array.from(html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g), (m) => m[1]);

describe("math: $…$ and $$…$$ rendered with KaTeX at build time", () => {
  it("renders inline and display formulas to KaTeX's HTML and MathML, and says the page needs its stylesheet", () => {
    const rendered = render("Euler: $e^{i\\pi}+1=0$.\n\n$$\n\\int_0^1 x\\,dx = \\frac12\n$$\n");
    expect(formulas(rendered.html)).toEqual(["e^{i\\pi}+1=0", "\\int_0^1 x\\,dx = \\frac12"]);
    expect(rendered.html).toContain('<span class="katex-display"><span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(rendered.html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(rendered.html).not.toContain("language-math");
    expect(rendered.math).toBe(true);
    expect(rendered.diagnostics).toEqual([]);
  });

  it("leaves a post without formulas as it was: no KaTeX, no flag", () => {
    const rendered = render("Costs $5 and $10, or `$x$` in code.\n\n```\necho \"$HOME\"\n```\n");
    expect(rendered.html).toContain("Costs $5 and $10, or <code>$x$</code> in code.");
    expect(rendered.html).not.toContain("katex");
    expect(rendered.math).toBe(false);
  });

  it("keeps dollar amounts as prose (Pandoc's rule) and still finds a formula after them", () => {
    const rendered = render("It costs $5 and $10. Price $ 3 $ here. Then $x^2$ and $y$5.\n");
    expect(rendered.html).toContain("It costs $5 and $10. Price $ 3 $ here. Then ");
    expect(formulas(rendered.html)).toEqual(["x^2"]);
    expect(rendered.html).toContain("and $y$5.");
  });

  it("reports an invalid formula at its dollar, with a rule and a hint, and shows its source instead of red text", () => {
    const rendered = render("First line.\n\nBad: $\\frac{1}{$ and good: $x$.\n\n$$\n\\begin{matrix}\n$$\n");
    expect(rendered.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ["invalid-math", "error", 3, 6],
      ["invalid-math", "error", 5, 1],
    ]);
    expect(rendered.diagnostics[0]?.message).toContain("\\frac{1}{");
    expect(rendered.diagnostics[0]?.hint).toMatch(/\\\$/);
    expect(rendered.html).toContain('<code class="math-error">\\frac{1}{</code>');
    expect(rendered.html).toContain('<pre><code class="math-error">\\begin{matrix}</code></pre>');
    expect(rendered.html).not.toMatch(/color:\s*#cc0000|katex-error/);
    expect(formulas(rendered.html)).toEqual(["x"]);
  });

  it("takes heading ids and the table of contents' text from the TeX", () => {
    const rendered = render("## Why $x^2$ grows\n");
    expect(rendered.headings).toEqual([{ depth: 2, id: "why-x2-grows", text: "Why x^2 grows" }]);
  });

  it("renders a formula in a big post that is otherwise parsed in pieces", () => {
    const filler = Array.from({ length: 9000 }, (_, i) => `Paragraph ${i} of filler text to make the post big.\n`).join("\n");
    const rendered = render(`${filler}\nAt the end, $a+b$.\n`);
    expect(formulas(rendered.html)).toEqual(["a+b"]);
  });
});

describe("formulas in the search index and the reading time", () => {
  it("reads each formula as its TeX, once", () => {
    const rendered = render("Euler: $e^{i\\pi}+1=0$ holds.\n\n$$\na^2 + b^2 = c^2\n$$\n");
    expect(htmlToText(rendered.html)).toBe("Euler: e^{i\\pi}+1=0 holds. a^2 + b^2 = c^2");
    expect(rendered.wordCount).toBe(render("Euler: e^{i\\pi}+1=0 holds.\n\na^2 + b^2 = c^2\n").wordCount);
  });
});

describe("mathForFeeds", () => {
  it("keeps each formula's MathML and drops KaTeX's HTML, which reads as a jumble without its stylesheet", () => {
    const { html } = render("Inline $\\sqrt{2}$ and\n\n$$\n\\frac{a}{b}\n$$\n\nafter.\n");
    const feed = mathForFeeds(html);
    expect(feed).not.toContain("katex-html");
    expect(formulas(feed)).toEqual(["\\sqrt{2}", "\\frac{a}{b}"]);
    expect(feed).toContain("<p>Inline <span class=\"katex\"><span class=\"katex-mathml\"><math");
    expect(feed).toMatch(/<\/math><\/span><\/span> and<\/p>/);
    expect(feed).toMatch(/<p>after\.<\/p>$/);
  });

  it("leaves HTML without formulas as it is", () => {
    expect(mathForFeeds("<p>a <span>b</span></p>")).toBe("<p>a <span>b</span></p>");
  });
});
