import { describe, expect, it, vi } from "vitest";
import { highlightCode, prepareHighlighter } from "../../src/markdown/highlighter.js";

// Counts Shiki's tokenizations: a block seen a moment ago is not tokenized again.
const tokenized = vi.hoisted(() => ({ count: 0 }));
vi.mock("shiki", async (importOriginal) => {
  const shiki = await importOriginal<typeof import("shiki")>();
  return {
    ...shiki,
    createHighlighter: async (options: Parameters<typeof shiki.createHighlighter>[0]) => {
      const highlighter = await shiki.createHighlighter(options);
      const tokenize = highlighter.codeToTokensBase.bind(highlighter);
      return Object.assign(highlighter, {
        codeToTokensBase: (...args: Parameters<typeof tokenize>) => (tokenized.count++, tokenize(...args)),
      });
    },
  };
});

describe("highlighting a block seen recently", () => {
  it("reuses its tokens, giving an equal tree that shares nothing with the first", async () => {
    await prepareHighlighter(["js"]);
    const code = "const answer = 42; // the same block, rendered again after an edit elsewhere";
    const first = highlightCode(code, "js");
    const before = tokenized.count;
    const second = highlightCode(code, "js");
    expect(tokenized.count).toBe(before);
    expect(second).toEqual(first);
    if (first.kind !== "html" || second.kind !== "html") throw new Error("not highlighted");
    expect(second.pre).not.toBe(first.pre);
    // Later plugins may change the tree they get: that must not reach the next render.
    first.pre.children.length = 0;
    expect(highlightCode(code, "js")).toEqual(second);
    highlightCode(`${code} // changed`, "js");
    expect(tokenized.count).toBe(before + 1);
  });
});
