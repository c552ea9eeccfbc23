import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { unsafeScheme } from "../../src/markdown/remark-resources.js";
import { makeContext, makePost } from "./make-post.js";

const render = (text: string) => renderPost(makePost(text), makeContext());

describe("resources", () => {
  it("splits the list off the body with author, title and url", () => {
    const text = [
      "Body text.",
      "",
      "---",
      "",
      "# Resources",
      "",
      "1. [Humble & Farley - Continuous Delivery](https://example.com/cd)",
      "2. [Nygard - Release It! - 2nd edition](https://example.com/ri)",
      "3. [The Twelve-Factor App](https://12factor.net)",
      "4. A talk I saw once - no link",
      "",
    ].join("\n");
    const rendered = render(text);
    expect(rendered.html).toBe("<p>Body text.</p>");
    expect(rendered.resourcesHeading).toBe("Resources");
    expect(rendered.resources).toEqual([
      { n: 1, author: "Humble & Farley", title: "Continuous Delivery", url: "https://example.com/cd" },
      { n: 2, author: "Nygard", title: "Release It! - 2nd edition", url: "https://example.com/ri" },
      { n: 3, author: undefined, title: "The Twelve-Factor App", url: "https://12factor.net" },
      { n: 4, author: undefined, title: "A talk I saw once - no link", url: undefined },
    ]);
  });

  it.each(["References", "Sources", "sources", "REFERENCES"])("accepts a %s heading at any level", (title) => {
    const rendered = render(`Body.\n\n---\n\n### ${title}\n\n- [A - B](https://x.org)\n`);
    expect(rendered.resourcesHeading).toBe(title);
    expect(rendered.resources).toHaveLength(1);
    expect(rendered.html).not.toContain("<hr>");
    expect(rendered.html).not.toContain(title);
  });

  it("uses only the last thematic break", () => {
    const text = "Intro.\n\n---\n\nMiddle.\n\n---\n\n## Resources\n\n- [A - B](https://x.org)\n";
    const rendered = render(text);
    expect(rendered.html).toBe("<p>Intro.</p>\n<hr>\n<p>Middle.</p>");
    expect(rendered.resources).toHaveLength(1);
  });

  it("leaves the body alone when the last --- is not followed by a Resources heading", () => {
    const text = "Intro.\n\n---\n\n## Resources\n\n- [A - B](https://x.org)\n\n---\n\nThe end.\n";
    const rendered = render(text);
    expect(rendered.resources).toEqual([]);
    expect(rendered.resourcesHeading).toBeUndefined();
    expect(rendered.html).toContain('<h2 id="resources">Resources<a class="heading-anchor" aria-label="Link to this section" href="#resources"><span aria-hidden="true">#</span></a></h2>');
    expect(rendered.html.match(/<hr>/g)).toHaveLength(2);
  });

  it("needs a list right after the heading", () => {
    const rendered = render("Intro.\n\n---\n\n## Resources\n\nJust a paragraph.\n");
    expect(rendered.resources).toEqual([]);
    expect(rendered.html).toContain("<hr>");
  });

  it("ends the section at a heading of the same rank, and keeps definitions and other text in the body", () => {
    const text = "A.[^1]\n\n---\n\n## Sources\n\n- [A - B][ref]\n\nAside.\n\n[^1]: Note.\n\n[ref]: https://x.org/ref\n\n## Afterword\n\nBye.\n";
    const rendered = render(text);
    expect(rendered.resources).toEqual([{ n: 1, author: "A", title: "B", url: "https://x.org/ref" }]);
    // Only the list is the resource list: a note written after it is not lost.
    expect(rendered.html).toContain("<p>Aside.</p>");
    expect(rendered.html).not.toContain("Sources</h2>");
    expect(rendered.html).toContain('<h2 id="afterword">Afterword<a class="heading-anchor" aria-label="Link to this section" href="#afterword"><span aria-hidden="true">#</span></a></h2>');
    expect(rendered.html).toContain('<li id="user-content-fn-1">');
  });

  it("rewrites local URLs in resources", () => {
    const text = "A.\n\n---\n\n# Resources\n\n- [Me - Earlier](./posts/earlier)\n";
    const rendered = renderPost(makePost(text), makeContext({ basePath: "/blog/", slugs: ["earlier"] }));
    expect(rendered.resources[0]?.url).toBe("/blog/posts/earlier/");
  });

  it("refuses a javascript:, vbscript: or data: link with a positioned unsafe-url warning, and keeps the entry as text", () => {
    const text = [
      "Body.",
      "",
      "---",
      "",
      "# Resources",
      "",
      "- [Eve - Click me](javascript:alert(1))",
      "- A note: [Eve - Old](  VBScript:msgbox)",
      "- [Eve - Inline](data:text/html;base64,PHNjcmlwdD4=)",
      "- [Eve - Hidden][x]",
      "- [Ok - Fine](https://example.com/javascript:)",
      "",
      "[x]: &#106;avascript:alert(2)",
      "",
    ].join("\n");
    const rendered = render(text);
    expect(rendered.resources.map((r) => r.url)).toEqual([undefined, undefined, undefined, undefined, "https://example.com/javascript:"]);
    expect(rendered.resources[0]).toEqual({ n: 1, author: "Eve", title: "Click me", url: undefined });
    const unsafe = rendered.diagnostics.filter((d) => d.rule === "unsafe-url");
    expect(unsafe.map((d) => [d.severity, d.line, d.column])).toEqual([
      ["warning", 7, 3],
      ["warning", 8, 11],
      ["warning", 9, 3],
      ["warning", 10, 3],
    ]);
    expect(unsafe[0]?.message).toMatch(/javascript:/);
  });

  it.each([
    ["javascript:alert(1)", "javascript"],
    [" \u0001JaVaScRiPt:alert(1)", "javascript"],
    ["java\tscr\nipt:alert(1)", "javascript"],
    ["vbscript:x", "vbscript"],
    ["DATA:text/html,x", "data"],
    ["https://example.com/", undefined],
    ["/javascript:x", undefined],
    ["mailto:a@b.c", undefined],
  ])("reads %j as a browser would: unsafe scheme %s", (url, scheme) => {
    expect(unsafeScheme(url)).toBe(scheme);
  });
});
