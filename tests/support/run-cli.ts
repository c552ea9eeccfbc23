import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { main } from "../../src/cli/main.js";

/** 2027-01-15T08:00:00Z: after every sample post, so none of them is "future". */
export const fixedNow = "1800000000";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const fixturesDir = path.join(repoRoot, "tests/fixtures");

/** What a CLI run printed, split in lines, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs the CLI in-process, as a user would from `cwd`, with a fixed "now". */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  argv = withoutCacheInRepository(argv);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { SOURCE_DATE_EPOCH: fixedNow, ...env }, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

/**
 * A build of a site inside this repository (the sample blog, a fixture) would leave its
 * cache folder there: such builds run with --no-cache unless the test names a cache itself.
 */
function withoutCacheInRepository(argv: string[]): string[] {
  if (argv[0] !== "build" || argv.includes("--no-cache") || argv.includes("--cache-dir")) return argv;
  const root = argv[argv.indexOf("--root") + 1];
  const inRepository = root !== undefined && argv.includes("--root") && !path.relative(repoRoot, root).startsWith("..");
  return inRepository ? [...argv, "--no-cache"] : argv;
}

/** Runs the compiled CLI (lib/cli.js) as a child process: what a user's terminal shows. */
export function spawnCli(argv: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "lib/cli.js"), ...argv], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: cwd },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test; an absolute prefix puts it elsewhere than the system's. */
export function tempDir(prefix = "daylight-test-"): string {
  const dir = mkdtempSync(path.isAbsolute(prefix) ? prefix : path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Every file below `dir` with its bytes, keyed by POSIX relative path: for "untouched" checks. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full).split(path.sep).join("/")] = readFileSync(full).toString("base64");
    }
  };
  walk(dir);
  return files;
}

/** The text of a built file. */
export const readOutput = (outDir: string, file: string): string => readFileSync(path.join(outDir, file), "utf8");
