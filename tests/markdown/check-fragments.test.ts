import { describe, expect, it } from "vitest";
import { checkFragments } from "../../src/markdown/check-fragments.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const context = makeContext({ slugs: ["target", "source", "unrendered"] });
const target = renderPost(
  makePost('# Setup steps\n\n## Rollback\n\nA note[^n] and <a id="anchor"></a>.\n\n[^n]: x\n\n---\n\n## Sources\n\n- [A - B](https://x.org)\n', { slug: "target" }),
  context,
);
const sourceWith = (link: string) =>
  renderPost(makePost(`!! title: S\n\nIntro.\n\nSee [it](${link}).\n`, { slug: "source", path: "posts/source.md" }), context);

describe("checkFragments", () => {
  it.each([
    "./posts/target#setup-steps",
    "./posts/target#rollback",
    "./posts/target#resources",
    "./posts/target#resource-1",
    "./posts/target#user-content-fn-n",
    "./posts/target#anchor",
    "./posts/target#top",
    "./posts/target",
    "./posts/unrendered#whatever",
    "./posts/missing#whatever",
  ])("accepts %s", (link) => {
    expect(checkFragments([target, sourceWith(link)], context.links)).toEqual([]);
  });

  it("warns about an unknown fragment at the link, with the nearest id", () => {
    const diagnostics = checkFragments([target, sourceWith("./posts/target#setup-step")], context.links);
    expect(diagnostics).toMatchObject([
      { severity: "warning", rule: "unknown-fragment", file: "posts/source.md", line: 5, column: 5, hint: "did you mean `#setup-steps`?" },
    ]);
  });

  it("warns about resource anchors the target does not have", () => {
    const diagnostics = checkFragments([target, sourceWith("./posts/target#resource-7")], context.links);
    expect(diagnostics.map((d) => d.rule)).toEqual(["unknown-fragment"]);
  });

  it("checks links of a post to itself", () => {
    const self = renderPost(makePost("# One\n\n[a](./posts/source#two)\n", { slug: "source" }), context);
    expect(checkFragments([self], context.links)).toMatchObject([{ rule: "unknown-fragment", line: 3, column: 1 }]);
  });
});
