import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const render = (text: string, description?: string) =>
  renderPost(makePost(text, description === undefined ? {} : { description }), makeContext());

describe("renderPost: GFM", () => {
  it("renders tables", () => {
    const { html } = render("| a | b |\n|---|:-:|\n| 1 | 2 |\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>a</th>");
    expect(html).toContain('<td style="text-align: center">2</td>');
    expect(html).not.toContain("align=");
  });

  it("renders task lists", () => {
    const { html } = render("- [x] done\n- [ ] todo\n");
    expect(html).toContain('<input type="checkbox" checked disabled> done');
    expect(html).toContain('<input type="checkbox" disabled> todo');
  });

  it("renders strikethrough and autolinks", () => {
    const { html } = render("~~old~~ see www.example.com and https://example.org/x\n");
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toContain('<a href="https://example.org/x">https://example.org/x</a>');
  });

  it("renders footnotes", () => {
    const { html } = render("Claim.[^note]\n\n[^note]: The source.\n");
    expect(html).toContain('<a href="#user-content-fn-note" id="user-content-fnref-note"');
    expect(html).toContain('<li id="user-content-fn-note">');
    expect(html).toContain("The source.");
  });
});

describe("renderPost: HTML and headings", () => {
  it("keeps raw HTML", () => {
    const { html } = render('<div class="note">\n<b>Hi</b>\n</div>\n\nText with <kbd>Ctrl</kbd>.\n');
    expect(html).toContain('<div class="note">\n<b>Hi</b>\n</div>');
    expect(html).toContain("<kbd>Ctrl</kbd>");
  });

  it("gives headings GitHub-style ids and collects them", () => {
    const rendered = render("# Hello, World!\n\n## Hello, World!\n\n### Über `code`\n\n<h4>Raw heading</h4>\n");
    expect(rendered.html).toContain('<h1 id="hello-world">');
    expect(rendered.html).toContain('<h2 id="hello-world-1">');
    expect(rendered.headings).toEqual([
      { depth: 1, id: "hello-world", text: "Hello, World!" },
      { depth: 2, id: "hello-world-1", text: "Hello, World!" },
      { depth: 3, id: "über-code", text: "Über code" },
      { depth: 4, id: "raw-heading", text: "Raw heading" },
    ]);
  });

  it("leaves the footnotes label out of the headings", () => {
    expect(render("# Title\n\nA[^1]\n\n[^1]: b\n").headings.map((h) => h.id)).toEqual(["title"]);
  });

  it("does not see the blanked header as content", () => {
    const rendered = render("!! title: T\n!! slug: t\n\n---\n\nFirst words.\n");
    expect(rendered.html).toBe("<p>First words.</p>");
  });
});

describe("renderPost: description", () => {
  it("uses the description field when set", () => {
    expect(render("First paragraph.\n", "From the header.").description).toBe("From the header.");
  });

  it("falls back to the first paragraph's plain text, whitespace collapsed", () => {
    const text = "# Title\n\n![only an image](x.png)\n\nThe *first*   real\nparagraph with `code` and [a link](https://x.org).\n\nSecond.\n";
    expect(render(text).description).toBe("The first real paragraph with code and a link.");
  });

  it("cuts a long first paragraph on a word boundary", () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const description = render(`${words}\n`).description;
    expect(description.endsWith("…")).toBe(true);
    expect(description.length).toBeLessThanOrEqual(161);
    expect(words.startsWith(description.slice(0, -1) + " ")).toBe(true);
  });

  it("skips the resources section", () => {
    const text = "---\n\n# Resources\n\n- [A - B](https://x.org)\n";
    expect(render(text).description).toBe("");
  });
});

describe("renderPost: purity and scale", () => {
  it("renders the same post twice byte-identically", () => {
    const text = "# T\n\nA (Nygard, 2018) [p](./posts/b#x) ![i](./img/a.png) <img src=\"/x.png\">[^1]\n\n[^1]: n\n\n---\n\n## Sources\n\n- [Nygard - Release It!](https://x.org)\n";
    const post = makePost(text);
    const context = makeContext({ slugs: ["b"], assets: { "posts/img/a.png": "/posts/test-post/a.1234.png" } });
    const first = renderPost(post, context);
    const second = renderPost(post, context);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(structuredClone(first)).toEqual(first);
  });

  it("renders a 1 MB post", () => {
    const section = "## Part\n\nSome *text* with a [link](https://example.com) and `code`, (Nygard, 2018).\n\n<p><img src=\"/x.png\"></p>\n\n";
    const text = section.repeat(Math.ceil((1024 * 1024) / section.length));
    const rendered = renderPost(makePost(text), makeContext({ assets: { "public/x.png": "/x.png" } }));
    expect(rendered.headings.length).toBeGreaterThan(5_000);
    expect(rendered.headings.at(-1)?.id).toBe(`part-${rendered.headings.length - 1}`);
    expect(rendered.assets).toEqual(["public/x.png"]);
  }); // micromark parses about 0.2 MB/s: 5 s quiet, minutes on a machine at ten times its cores' load
});
