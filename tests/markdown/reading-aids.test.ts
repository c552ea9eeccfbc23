import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const render = (text: string) => renderPost(makePost(text, { slug: "p" }), makeContext({ basePath: "/blog/" }));
const anchor = (id: string) =>
  `<a class="heading-anchor" aria-label="Link to this section" href="#${id}"><span aria-hidden="true">#</span></a>`;

describe("heading anchors", () => {
  it("appends a labelled # link to every heading, Markdown and raw HTML alike", () => {
    const { html } = render("## Set *up*\n\nText.\n\n<h3>Raw</h3>\n");
    expect(html).toContain(`<h2 id="set-up">Set <em>up</em>${anchor("set-up")}</h2>`);
    expect(html).toContain(`<h3 id="raw">Raw${anchor("raw")}</h3>`);
  });

  it("keeps the collected heading texts free of the #", () => {
    expect(render("# One\n\n## Two `x`\n").headings).toEqual([
      { depth: 1, id: "one", text: "One" },
      { depth: 2, id: "two-x", text: "Two x" },
    ]);
  });

  it("gives the generated footnotes label no anchor", () => {
    const { html } = render("# T\n\nA[^1]\n\n[^1]: b\n");
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>');
  });
});

describe("excerpts", () => {
  it("is the body before <!-- more -->, and the marker leaves the body", () => {
    const rendered = render("First *para*.\n\n<!-- more -->\n\nSecond para.\n");
    expect(rendered.excerptHtml).toBe("<p>First <em>para</em>.</p>");
    expect(rendered.html).toBe("<p>First <em>para</em>.</p>\n\n<p>Second para.</p>");
    expect(rendered.html).not.toContain("more");
  });

  it("accepts any spacing and case, right after a paragraph line too", () => {
    expect(render("Lead.\n<!--MORE-->\nRest.\n").excerptHtml).toBe("<p>Lead.</p>");
    expect(render("Lead.\n\n<!--   more   -->\n\nRest.\n").excerptHtml).toBe("<p>Lead.</p>");
  });

  it("is undefined without a marker, with the marker first, or with the marker inside a paragraph", () => {
    expect(render("Just text.\n").excerptHtml).toBeUndefined();
    expect(render("<!-- more -->\n\nText.\n").excerptHtml).toBeUndefined();
    expect(render("Some <!-- more --> text.\n").excerptHtml).toBeUndefined();
    expect(render("<!-- a comment -->\n\nText.\n").excerptHtml).toBeUndefined();
  });

  it("drops ids and points #links into the post, for index pages that show several excerpts", () => {
    const rendered = render("## Intro\n\nClaim[^1], see [below](#end).\n\n<!-- more -->\n\n## End\n\n[^1]: Source.\n");
    expect(rendered.excerptHtml).not.toContain(" id=");
    expect(rendered.excerptHtml).not.toContain("aria-describedby");
    expect(rendered.excerptHtml).toContain('href="/posts/p/#intro"');
    expect(rendered.excerptHtml).toContain('href="/posts/p/#end"');
    expect(rendered.excerptHtml).toContain('href="/posts/p/#user-content-fn-1"');
    expect(rendered.html).toContain('<h2 id="intro">');
    expect(rendered.html).toContain('href="#end"');
  });
});
