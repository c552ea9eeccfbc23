import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Shiki's default engine loads its WebAssembly from base64 text through a `Response`, which
 * makes Node load its whole fetch implementation (undici) for nothing: about 0.1 s of every
 * build that renders a post with code. The highlighter reads the package's onig.wasm instead.
 * Checked in a fresh Node running the compiled code: the test runner has loaded fetch itself.
 */
describe("the highlighter's engine", () => {
  it("highlights code without loading Node's fetch implementation", () => {
    const highlighter = path.resolve("lib/markdown/highlighter.js");
    const script = `
      const { prepareHighlighter, highlightCode } = await import(${JSON.stringify(highlighter)});
      await prepareHighlighter(["ts"]);
      const result = highlightCode("const answer: number = 42;", "ts");
      const undici = process.moduleLoadList.some((name) => name.includes("undici"));
      console.log(JSON.stringify({ kind: result.kind, undici }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ kind: "html", undici: false });
  });
});
