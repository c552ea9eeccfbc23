import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
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
});
