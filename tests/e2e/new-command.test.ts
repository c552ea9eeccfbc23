import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

describe("daylight new", () => {
  it("scaffolds a post dated today in the site's time zone, which then builds", async () => {
    const root = tempDir();
    // 1800000000 is 2027-01-15T08:00:00Z: already evening of the 15th in Auckland, still
    // the 14th in Honolulu.
    writeFileSync(path.join(root, "site.config.json"), '{"timezone": "Pacific/Honolulu", "url": "https://e.com/"}');
    const run = await runCli(["new", "Über café: notes", "--root", root]);
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(root, "posts/uber-cafe-notes.md"), "utf8");
    expect(text).toContain("!! title: Über café: notes\n");
    expect(text).toContain("!! published: 2027-01-14\n");
    const build = await runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
    expect(build.err.filter((l) => l.includes(" error "))).toEqual([]);
    expect(build.code).toBe(0);
  });

  it("refuses to overwrite an existing post", async () => {
    const root = tempDir();
    expect((await runCli(["new", "Twice", "--root", root])).code).toBe(0);
    const before = readFileSync(path.join(root, "posts/twice.md"), "utf8");
    const again = await runCli(["new", "Twice", "--root", root]);
    expect(again.code).toBe(1);
    expect(again.err.join("\n")).toMatch(/\[post-exists\]/);
    expect(readFileSync(path.join(root, "posts/twice.md"), "utf8")).toBe(before);
  });
});
