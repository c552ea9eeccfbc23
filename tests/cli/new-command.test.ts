import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

describe("daylight new", () => {
  it("writes a draft: its placeholder text does not go out with the next build, and dev-style --drafts shows it", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "site.config.json"), '{"url": "https://e.com/"}');
    const made = await runCli(["new", "Half done", "--root", root]);
    expect(made.code).toBe(0);
    expect(made.out.join("\n")).toMatch(/posts\/half-done\.md, a draft/);
    expect(readFileSync(path.join(root, "posts/half-done.md"), "utf8")).toMatch(/^!! title: Half done\n!! slug: half-done\n!! published: \d{4}-\d\d-\d\d\n!! draft: true\n/);
    const build = await runCli(["build", "--root", root]);
    expect(build.code).toBe(0);
    expect(existsSync(path.join(root, "dist/posts/half-done"))).toBe(false);
    expect(readFileSync(path.join(root, "dist/index.html"), "utf8")).not.toContain("Write here");
    const drafts = await runCli(["build", "--root", root, "--drafts", "--out", path.join(root, "preview")]);
    expect(drafts.code).toBe(0);
    expect(readFileSync(path.join(root, "preview/posts/half-done/index.html"), "utf8")).toContain("Write here");
  });
});
