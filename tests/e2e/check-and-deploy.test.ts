import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, snapshot, tempDir } from "../support/run-cli.js";

describe("check and deploy from the command line", () => {
  it("checks the built sample blog clean, deploys it, and a second deploy changes nothing", async () => {
    const out = path.join(tempDir(), "dist");
    expect((await runCli(["build", "--root", repoRoot, "--out", out])).code).toBe(0);
    const check = await runCli(["check", "--out", out]);
    expect(check.err).toEqual([]);
    expect(check.code).toBe(0);
    const served = tempDir();
    const first = await runCli(["deploy", "--out", out, "--to", served]);
    expect(first.code).toBe(0);
    expect(snapshot(served)).toEqual(snapshot(out));
    const second = await runCli(["deploy", "--out", out, "--to", served]);
    expect(second.out.join("\n")).toMatch(/0 files to upload, 0 files to delete/);
  });

  it("refuses deploy without --to, and a --max-deletes that is not a number", async () => {
    expect((await runCli(["deploy"])).code).toBe(2);
    expect((await runCli(["deploy", "--to", tempDir(), "--max-deletes", "many"])).code).toBe(2);
  });

  it("stops a build whose template links to a file the site does not have", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "templates/partials"), { recursive: true });
    mkdirSync(path.join(root, "posts"));
    writeFileSync(path.join(root, "posts/a.md"), "!! title: A\n!! published: 2024-01-01\n\nHi.\n");
    writeFileSync(path.join(root, "templates/partials/site-footer.liquid"), '<footer><a href="/press-kit.zip">Press kit</a></footer>\n');
    const out = path.join(root, "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://e.com/"]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/press-kit\.zip.*\[broken-reference\]/);
    expect(() => readdirSync(out)).toThrow();
  });
});
