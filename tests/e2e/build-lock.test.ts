import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processStart } from "../../src/output/build-lock.js";
import { fixedNow, repoRoot, snapshot, spawnCli, tempDir } from "../support/run-cli.js";

/** The sample blog, copied, with its cache beside it. */
function sampleSite(): { root: string; out: string; cache: string } {
  const dir = tempDir();
  const root = path.join(dir, "site");
  for (const part of ["posts", "pages", "public", "site.config.json"]) cpSync(path.join(repoRoot, part), path.join(root, part), { recursive: true });
  return { root, out: path.join(dir, "dist"), cache: path.join(dir, "cache") };
}

/** Starts the CLI; resolves with its exit code and output when it ends. */
function start(argv: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), ...argv], {
    cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: cwd },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stderr })));
  return { child, done };
}

/** True when something has this name (the lock is a symlink to no file: existsSync would say false). */
const present = (file: string): boolean => {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
};

/** Resolves once `condition` holds (checked every few milliseconds: a condition, not a timing). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("one build at a time", () => {
  it("runs three builds of one site started at once in turn: all succeed and the output is whole", async () => {
    const { root, out, cache } = sampleSite();
    const argv = ["build", "--root", root, "--out", out, "--cache-dir", cache];
    const runs = await Promise.all([1, 2, 3].map(() => start(argv, root).done));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    for (const run of runs) expect(run.stderr).not.toMatch(/ENOENT|\n\s+at /);
    const check = spawnCli(["check", "--out", out]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    // The same site as one build alone.
    const alone = sampleSite();
    expect(spawnCli(["build", "--root", alone.root, "--out", alone.out, "--no-cache"]).status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(alone.out));
    expect(readdirSync(path.dirname(out)).sort()).toEqual(["cache", "dist", "dist.generations", "site"]);
    expect(present(path.join(out + ".generations", "lock")) || present(path.join(cache, "lock"))).toBe(false);
  });

  it("with --no-wait exits 1 naming the holder's pid; a lock left by a killed holder is taken over", async () => {
    const { root, out, cache } = sampleSite();
    // A live process holds the output's lock, as a running build would.
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await until(() => processStart(holder.pid!) !== undefined);
      const lockFile = path.join(`${out}.generations`, "lock");
      mkdirSync(`${out}.generations`);
      symlinkSync(`${holder.pid} ${processStart(holder.pid!)} 0123abcd`, lockFile);
      const refused = spawnCli(["build", "--root", root, "--out", out, "--cache-dir", cache, "--no-wait"]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`pid ${holder.pid}`);
      expect(refused.stderr).toContain(lockFile);
      expect(existsSync(out)).toBe(false);

      // Without --no-wait, the build waits, says for whom, and goes on once the holder is killed.
      const waiting = start(["build", "--root", root, "--out", out, "--cache-dir", cache], root);
      let said = "";
      waiting.child.stderr!.on("data", (chunk: Buffer) => (said += chunk.toString()));
      await until(() => said.includes("waiting"));
      expect(said).toContain(`daylight: waiting for the build with pid ${holder.pid} to finish (${lockFile})`);
      holder.kill("SIGKILL");
      expect((await waiting.done).code).toBe(0);
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("</html>");
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("refuses a cache folder in the output's generations folder, where its lock would be the output's", async () => {
    const { root, out } = sampleSite();
    for (const cache of [`${out}.generations`, `${out}.generations/cache`]) {
      const run = spawnCli(["build", "--root", root, "--out", out, "--cache-dir", cache]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/refusing to keep the build cache in .*dist\.generations/);
    }
    expect(existsSync(`${out}.generations`)).toBe(false);
  });

  it("takes over the lock of a build killed with SIGKILL", async () => {
    const { root, out, cache } = sampleSite();
    const lockFile = path.join(`${out}.generations`, "lock");
    const killed = start(["build", "--root", root, "--out", out, "--cache-dir", cache], root);
    await until(() => present(lockFile));
    killed.child.kill("SIGKILL");
    await killed.done;
    expect(readlinkSync(lockFile)).toMatch(new RegExp(`^${killed.child.pid} `));
    const next = spawnCli(["build", "--root", root, "--out", out, "--cache-dir", cache, "--no-wait"]);
    expect(next.status, next.stderr).toBe(0);
    expect(present(lockFile)).toBe(false);
  });
});
