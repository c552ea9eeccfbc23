/** Runs a command under GNU time and reports wall seconds and the peak RSS of its process tree. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

/** True when GNU time is installed (Debian package `time`); without it peak memory is not measured. */
export const hasGnuTime = existsSync(GNU_TIME);

/**
 * Runs `command args` in `cwd`; wall time is taken in this process around the spawn,
 * peak RSS from GNU time's `%M` (the largest maxrss of the command and its descendants;
 * worker threads share their process, so they are included).
 */
export async function timeCommand(command, args, { cwd, env } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "daylight-bench-"));
  const timeFile = path.join(dir, "time.txt");
  const [file, argv] = hasGnuTime ? [GNU_TIME, ["-o", timeFile, "-f", "%M", command, ...args]] : [command, args];
  const started = performance.now();
  const { code, output } = await run(file, argv, { cwd, env });
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = hasGnuTime ? kibToMib(await readFile(timeFile, "utf8")) : null;
  await rm(dir, { recursive: true, force: true });
  return { seconds, peakMiB, code, output };
}

function kibToMib(text) {
  // GNU time prefixes "Command exited with non-zero status N" when the command failed.
  const kib = Number.parseInt(text.trim().split("\n").at(-1), 10);
  return Number.isFinite(kib) ? kib / 1024 : null;
}

function run(file, argv, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk).slice(-16000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `once()` `runs` times (after `before()` each time) and summarises the samples as medians. */
export async function repeat(runs, { before, once }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (before) await before(i);
    const result = await once(i);
    if (result.code !== 0) throw new Error(`command failed with exit code ${result.code}:\n${result.output}`);
    samples.push({ seconds: result.seconds, peakMiB: result.peakMiB, ...(result.stages ? { stages: result.stages } : {}), ...(result.threads ? { threads: result.threads } : {}) });
  }
  return {
    seconds: median(samples.map((s) => s.seconds)),
    peakMiB: median(samples.map((s) => s.peakMiB)),
    samples,
  };
}
