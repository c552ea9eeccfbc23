import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const RESOURCES = "\n\n---\n\n## Resources\n\n1. [Humble & Farley - Continuous Delivery](https://x.org/cd)\n2. [Nygard - Release It!](https://x.org/ri)\n";
const html = (body: string) => renderPost(makePost(body + RESOURCES), makeContext()).html;

describe("citations", () => {
  it("links a single citation, parentheses outside the link", () => {
    expect(html("As shown (Nygard, 2018).")).toBe(
      '<p>As shown (<a href="#resource-2" class="citation">Nygard, 2018</a>).</p>',
    );
  });

  it("links each part of a multiple citation", () => {
    expect(html("See (Humble & Farley, 2010; Nygard 2018).")).toBe(
      '<p>See (<a href="#resource-1" class="citation">Humble &#x26; Farley, 2010</a>; <a href="#resource-2" class="citation">Nygard 2018</a>).</p>',
    );
  });

  it("treats and as &", () => {
    expect(html("(Humble and Farley, 2010)")).toContain('<a href="#resource-1" class="citation">Humble and Farley, 2010</a>');
  });

  it("leaves unmatched citations as text", () => {
    expect(html("(Fowler, 2002) and (Fowler, 2002; Nygard, 2018)")).toBe(
      '<p>(Fowler, 2002) and (Fowler, 2002; <a href="#resource-2" class="citation">Nygard, 2018</a>)</p>',
    );
  });

  it("never links in code or inside links", () => {
    const out = html("`(Nygard, 2018)` and [see (Nygard, 2018)](https://x.org)\n\n```\n(Nygard, 2018)\n```");
    expect(out).not.toContain("citation");
  });

  it("keeps the citation class when raw HTML makes rehype-raw run", () => {
    expect(html("<kbd>K</kbd> (Nygard, 2018)")).toBe(
      '<p><kbd>K</kbd> (<a href="#resource-2" class="citation">Nygard, 2018</a>)</p>',
    );
  });

  it("does nothing without resources", () => {
    expect(renderPost(makePost("(Nygard, 2018)"), makeContext()).html).toBe("<p>(Nygard, 2018)</p>");
  });
});
