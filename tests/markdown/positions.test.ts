import type { Root as MdastRoot } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { createPostRenderer, prepareHighlighting } from "../../src/markdown/create-post-renderer.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

// Found by the build fuzzer: markdown positions came from micromark, which ends a line at a
// lone "\r" too, while daylight (and the rest of its diagnostics) count "\n" only. A post with
// a "\r" inside a line got warnings below its last line, or on the wrong one.
const header = "!! title: Lone CR\n!! published: 2024-01-01\n\n---\n\n";
const lines = (body: string) => (header + body).split("\n");

describe("positions in a post with a lone carriage return", () => {
  it("places a missing file, a raw HTML URL and an unknown post on their lines", () => {
    const body = "[a\rb](./posts/nowhere)\n\nSome\rtext ![y](./gone.png)\n\n<img\rsrc=\"/nope.png\">\n";
    const rendered = renderPost(makePost(header + body), makeContext());
    expect(rendered.postLinks).toMatchObject([{ slug: "nowhere", line: 6, column: 1 }]);
    const missing = rendered.diagnostics.filter((d) => d.rule === "missing-file");
    expect(missing.map((d) => [d.line, d.column])).toEqual([[8, 11], [10, 1]]);
    for (const d of missing) expect(d.column!).toBeLessThanOrEqual(lines(body)[d.line! - 1]!.length + 1);
  });

  it("places an unknown code language on its line", async () => {
    const body = "Text\rmore text.\n\n```nosuchlang\ncode\n```\n";
    const post = makePost(header + body);
    await prepareHighlighting([post]);
    expect(renderPost(post, makeContext()).diagnostics).toMatchObject([{ rule: "unknown-language", line: 8, column: 1 }]);
  });

  it("places a plugin's message on its line", () => {
    const lint = () => (tree: MdastRoot, file: VFile) => {
      visit(tree, "heading", (node) => void file.message("a heading", { place: node.position, ruleId: "lint" }));
    };
    const rendered = createPostRenderer({ remarkPlugins: [lint] })(makePost(header + "a\rb\r\r# Heading\n"), makeContext());
    expect(rendered.diagnostics).toMatchObject([{ rule: "lint", line: 6, column: 6 }]);
  });
});
