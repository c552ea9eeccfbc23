import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { fixedNow, repoRoot, tempDir } from "../support/run-cli.js";

/** The modules the compiled CLI loads for `argv` (the module recorder's list). */
function loaded(argv: string[]): string[] {
  const list = path.join(tempDir(), "modules.txt");
  const run = spawnSync(process.execPath, ["--import", path.join(repoRoot, "tests/support/record-modules.mjs"), path.join(repoRoot, "lib/cli.js"), ...argv], {
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, DAYLIGHT_TEST_MODULES: list },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`daylight ${argv.join(" ")} exited ${run.status}: ${run.stderr}`);
  return readFileSync(list, "utf8").split("\n").filter(Boolean);
}

const lspCode = (line: string) => line.includes("/lib/lsp/") || line.includes("lsp-command") || /node_modules\/vscode-(languageserver|jsonrpc)/.test(line);

describe("the language server loads only for `daylight lsp`", () => {
  it("a build and --help load none of its code or packages", () => {
    const root = makeBlog({ "posts/a.md": "!! title: A\n!! published: 2024-01-02\n\nText.\n" }, { title: "A", url: "https://example.com/" });
    const build = loaded(["build", "--root", root, "--out", path.join(root, "out"), "--no-cache"]);
    expect(build.some((line) => line.includes("/lib/build-site.js"))).toBe(true);
    expect(build.filter(lspCode)).toEqual([]);
    expect(loaded(["--help"]).filter(lspCode)).toEqual([]);
  });
});
