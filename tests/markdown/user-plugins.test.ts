import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { createPostRenderer } from "../../src/markdown/create-post-renderer.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const context = makeContext({ basePath: "/blog/", slugs: ["other"] });
const post = makePost("# Hi\n\nSee [ext](https://example.com) and [other](./posts/other).\n");

/** A remark plugin that records the link URLs it sees and shouts every text. */
function remarkShout(seen: string[]) {
  return () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      if (node.type === "link") seen.push(node.url);
      if (node.type === "text") node.value = node.value.toUpperCase();
    });
  };
}

/** A rehype plugin that records the hrefs and heading markup it sees. */
function rehypeRecord(seen: string[]) {
  return () => (tree: HastRoot) => {
    visit(tree, "element", (element) => {
      if (element.tagName === "a") seen.push(String(element.properties["href"]));
    });
  };
}

describe("user unified plugins", () => {
  it("applies a real npm rehype plugin (rehype-external-links)", () => {
    const render = createPostRenderer({ rehypePlugins: [[rehypeExternalLinks, { rel: ["nofollow"], target: "_blank" }]] });
    const { html } = render(post, context);
    expect(html).toContain('<a href="https://example.com" rel="nofollow" target="_blank">ext</a>');
    expect(html).toContain('<a href="/blog/posts/other/">other</a>');
    expect(renderPost(post, context).html).not.toContain("nofollow");
  });

  it("runs remark plugins on the Markdown as written and rehype plugins on the finished tree", () => {
    const remarkSeen: string[] = [];
    const rehypeSeen: string[] = [];
    const render = createPostRenderer({ remarkPlugins: [remarkShout(remarkSeen)], rehypePlugins: [rehypeRecord(rehypeSeen)] });
    const rendered = render(post, context);
    // Before daylight's remark steps: post links not yet rewritten.
    expect(remarkSeen).toEqual(["https://example.com", "./posts/other"]);
    // After daylight's rehype steps: rewritten links and the heading anchor are there.
    expect(rehypeSeen).toEqual(["#hi", "https://example.com", "/blog/posts/other/"]);
    expect(rendered.html).toContain('<h1 id="hi">HI<a class="heading-anchor"');
    expect(rendered.headings).toEqual([{ depth: 1, id: "hi", text: "HI" }]);
  });

  it("turns messages that plugins leave on the file into warnings", () => {
    const lint = () => (tree: MdastRoot, file: VFile) => {
      visit(tree, "heading", (node) => {
        file.message("headings should not shout", { place: node.position, ruleId: "no-shouting", source: "lint" });
      });
    };
    const { diagnostics } = createPostRenderer({ remarkPlugins: [lint] })(post, context);
    expect(diagnostics).toMatchObject([{ rule: "no-shouting", severity: "warning", file: "posts/test-post.md", line: 1, column: 1 }]);
  });

  describe("a sanitiser (rehype-sanitize) sees everything a post publishes", () => {
    const schema = { ...defaultSchema, allowComments: true };
    const render = createPostRenderer({ rehypePlugins: [[rehypeSanitize, schema]] });
    const text = [
      "Intro [bad](javascript:alert(1)) and [good](https://example.com/).",
      "",
      "<!-- more -->",
      "",
      "Body <a href=\"javascript:alert(2)\">raw</a>.",
      "",
      "---",
      "",
      "# Resources",
      "",
      "- [Eve - A file](ftp://example.com/file)",
      "- [Ann - A page](https://example.com/page)",
      "",
    ].join("\n");

    it("in the body, the excerpt and the Resources list", () => {
      const rendered = render(makePost(text), context);
      expect(rendered.html).not.toMatch(/javascript:/i);
      expect(rendered.excerptHtml).toBeDefined();
      expect(rendered.excerptHtml).not.toMatch(/javascript:/i);
      expect(rendered.excerptHtml).toContain('href="https://example.com/"');
      // ftp: is not among the schema's protocols: the sanitiser drops the href, the entry stays as text.
      expect(rendered.resources).toEqual([
        { n: 1, author: "Eve", title: "A file", url: undefined },
        { n: 2, author: "Ann", title: "A page", url: "https://example.com/page" },
      ]);
      // Without the sanitiser, the ftp: link is the author's to make.
      expect(renderPost(makePost(text), context).resources[0]?.url).toBe("ftp://example.com/file");
    });
  });

  it("runs rehype plugins on the Resources entries' links and texts too", () => {
    const proxy = () => (tree: HastRoot) => {
      visit(tree, "element", (element) => {
        if (element.tagName === "a") element.properties["href"] = `https://proxy.example/?u=${String(element.properties["href"])}`;
      });
      visit(tree, "text", (node) => {
        node.value = node.value.replace("Title", "TITLE");
      });
    };
    const rendered = createPostRenderer({ rehypePlugins: [proxy] })(makePost("A.\n\n---\n\n# Resources\n\n- [Me - Title](https://x.org/)\n- Just text\n"), context);
    expect(rendered.resources).toEqual([
      { n: 1, author: "Me", title: "TITLE", url: "https://proxy.example/?u=https://x.org/" },
      { n: 2, author: undefined, title: "Just text", url: undefined },
    ]);
  });
});
