import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedNow, repoRoot, snapshot, spawnCli, tempDir } from "../support/run-cli.js";

/** The sample blog, copied so that one post can change between the two generations. */
function sampleSite(): string {
  const root = path.join(tempDir(), "site");
  for (const part of ["posts", "pages", "public", "site.config.json"]) cpSync(path.join(repoRoot, part), path.join(root, part), { recursive: true });
  return root;
}

const build = (root: string, out: string) => spawnCli(["build", "--root", root, "--out", out, "--no-cache"], root);

/** Starts a build and SIGKILLs it after `ms`; resolves when the process is gone. */
function buildKilledAfter(root: string, out: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), "build", "--root", root, "--out", out, "--no-cache"], {
      env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: root },
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("a build killed at any moment", () => {
  it("leaves exactly the old generation or the new one, and the next build completes the new one", async () => {
    const root = sampleSite();
    const out = path.join(path.dirname(root), "dist");
    expect(build(root, out).status).toBe(0);
    const oldOutput = snapshot(out);
    const oldCopy = path.join(tempDir(), "old");
    cpSync(out, oldCopy, { recursive: true });
    writeFileSync(path.join(root, "posts/one-more.md"), "!! title: One more\n!! published: 2026-03-01\n\nSo that the new generation differs.\n");
    const started = Date.now();
    expect(build(root, out).status).toBe(0);
    const took = Date.now() - started;
    const newOutput = snapshot(out);
    expect(newOutput).not.toEqual(oldOutput);

    const states = new Set<string>();
    // Kills spread over a whole build's duration (measured here, so a slower machine is covered too), and one after it.
    for (const ms of [0, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1, 1.5].map((f) => Math.round(f * took))) {
      rmSync(out, { recursive: true, force: true });
      for (const leftover of [`${out}.staging`, `${out}.previous`]) rmSync(leftover, { recursive: true, force: true });
      cpSync(oldCopy, out, { recursive: true });
      await buildKilledAfter(root, out, ms);
      if (!existsSync(out)) {
        // Killed between the two renames: the old generation waits, whole, beside it.
        expect(snapshot(`${out}.previous`)).toEqual(oldOutput);
        states.add("between renames");
      } else {
        const now = snapshot(out);
        expect([oldOutput, newOutput]).toContainEqual(now);
        states.add(JSON.stringify(now) === JSON.stringify(oldOutput) ? "old" : "new");
      }
      expect(build(root, out).status).toBe(0);
      expect(snapshot(out)).toEqual(newOutput);
      expect(readdirSync(path.dirname(out)).filter((name) => name.startsWith("dist."))).toEqual([]);
    }
    // The kills must have landed both before and after the swap, or the test proved little.
    expect(states.has("old")).toBe(true);
    expect(states.has("new")).toBe(true);
  }, 120_000);
});
