import { spawn } from "node:child_process";
import { cpSync, lstatSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

/** Copies the output's whole layout (our link, verbatim, and its generations folder) from `from` to `to`. */
function copyLayout(from: string, to: string): void {
  for (const name of ["dist", "dist.generations"]) {
    rmSync(path.join(to, name), { recursive: true, force: true });
    cpSync(path.join(from, name), path.join(to, name), { recursive: true, verbatimSymlinks: true });
  }
}

describe("a build killed at any moment", () => {
  it("leaves the output at the old generation or the new one, never missing, and the next build completes the new one", async () => {
    const root = sampleSite();
    const out = path.join(path.dirname(root), "dist");
    // Two builds: both slots in use, as on any site built more than once.
    expect(build(root, out).status).toBe(0);
    expect(build(root, out).status).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    const oldOutput = snapshot(out);
    const saved = tempDir();
    copyLayout(path.dirname(out), saved);
    writeFileSync(path.join(root, "posts/one-more.md"), "!! title: One more\n!! published: 2026-03-01\n\nSo that the new generation differs.\n");
    const started = Date.now();
    expect(build(root, out).status).toBe(0);
    const took = Date.now() - started;
    const newOutput = snapshot(out);
    expect(newOutput).not.toEqual(oldOutput);

    const states = new Set<string>();
    // Kills spread over a whole build's duration (measured here, so a slower machine is covered too), and one after it.
    for (const ms of [0, 0.25, 0.5, 0.7, 0.85, 1, 1.5].map((f) => Math.round(f * took))) {
      copyLayout(saved, path.dirname(out));
      await buildKilledAfter(root, out, ms);
      const now = snapshot(out);
      expect([oldOutput, newOutput]).toContainEqual(now);
      states.add(JSON.stringify(now) === JSON.stringify(oldOutput) ? "old" : "new");
      // The killed build's lock is taken over.
      expect(build(root, out).status).toBe(0);
      expect(snapshot(out)).toEqual(newOutput);
      expect(readdirSync(path.dirname(out)).filter((name) => name.startsWith("dist")).sort()).toEqual(["dist", "dist.generations"]);
      expect(readdirSync(`${out}.generations`).sort()).toEqual([".gitignore", "a", "b"]);
    }
    // The kills must have landed both before and after the swap, or the test proved little.
    expect(states.has("old")).toBe(true);
    expect(states.has("new")).toBe(true);
    // Seventeen builds of the sample blog: minutes on a machine at ten times its cores' load.
  }, 900_000);
});
