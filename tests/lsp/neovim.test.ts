import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { fixedNow, repoRoot, tempDir } from "../support/run-cli.js";
import { systemTool } from "../support/system-tools.js";

const neovim = () => systemTool("nvim", spawnSync("nvim", ["--version"], { stdio: "ignore" }).status === 0, "apt-get install -y neovim");

const post = (title: string) => `!! title: ${title}\n!! published: 2024-01-02\n\nSome text.\n`;

describe.runIf(neovim().available)("daylight lsp in a real editor: Neovim's built-in client, headless", () => {
  it("a broken post link typed into an open post, unsaved, comes back as the build's diagnostic", () => {
    const root = makeBlog({ "posts/edd-for-ha.md": post("EDD"), "posts/b.md": post("B") }, { title: "Nvim", url: "https://example.com/" });
    const out = path.join(tempDir(), "diagnostics.json");
    const run = spawnSync("nvim", ["--headless", "--clean", "-n", "-c", `luafile ${path.join(import.meta.dirname, "neovim-client.lua")}`], {
      cwd: root,
      encoding: "utf8",
      // The script waits on the server's messages (vim.wait on a condition); this only stops a hung editor.
      timeout: 240_000,
      env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, DAYLIGHT_SITE: root, DAYLIGHT_NVIM_OUT: out, DAYLIGHT_NODE: process.execPath, DAYLIGHT_CLI: path.join(repoRoot, "lib/cli.js") },
    });
    expect(existsSync(out), `nvim wrote nothing (status ${run.status}): ${run.stderr}`).toBe(true);
    const result = JSON.parse(readFileSync(out, "utf8")) as { error?: string; modified?: boolean; diagnostics?: Array<{ line: number; col: number; severity: number; code: string; message: string }> };
    expect(result.error).toBeUndefined();
    expect(result.modified).toBe(true);
    expect(result.diagnostics).toEqual([
      { line: 5, col: 4, severity: 1, code: "broken-post-link", message: expect.stringContaining("did you mean `edd-for-ha`?") },
    ]);
  });
});
