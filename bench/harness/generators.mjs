/** Cold, warm and one-post-edit builds of one corpus with daylight, Eleventy and Hugo. */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { repeat, timeCommand } from "./measure.mjs";

/** The flags the daylight CLI at `cli` understands, read from `build --help`. */
export function daylightFeatures(cli) {
  const help = execFileSync(process.execPath, [cli, "build", "--help"], { encoding: "utf8" });
  const has = (flag) => help.includes(flag);
  return { noCache: has("--no-cache"), cacheDir: has("--cache-dir"), timings: has("--timings"), previous: has("--previous") };
}

/** Inserts `paragraph` before the post's first `## ` heading (or at the end), keeping resources last. */
export function withParagraph(source, paragraph) {
  const at = source.indexOf("\n## ");
  return at === -1 ? `${source}\n${paragraph}\n` : `${source.slice(0, at)}\n${paragraph}\n${source.slice(at)}`;
}

/**
 * How the bench runs daylight on a corpus: its output and cache folders, `build(extra)` (timed,
 * with `--timings` when the CLI has it, `stages` parsed from its table) and `wipe()`, which
 * deletes the output, its generations and the cache.
 */
export function daylightBuilder(corpus, { cli, features }) {
  const out = path.join(corpus.dirs.root, "out", "daylight");
  const cacheDir = features.cacheDir ? path.join(corpus.dirs.root, "cache", "daylight") : path.join(corpus.dirs.daylight, ".daylight-cache");
  const cached = features.cacheDir ? ["--cache-dir", cacheDir] : [];
  // With --timings, each run also says where its time went (parsed into `stages`).
  const timings = features.timings ? ["--timings"] : [];
  const run = async (args) => {
    const result = await timeCommand(process.execPath, [cli, ...args, ...timings], { env: { NO_COLOR: "1" } });
    return { ...result, stages: stagesOf(result.output), threads: threadsOf(result.output) };
  };
  const build = (extra = cached) => run(["build", "--root", corpus.dirs.daylight, "--out", out, ...extra]);
  const wipe = async () => {
    for (const dir of [out, `${out}.generations`, `${out}.staging`, `${out}.previous`, cacheDir, path.join(corpus.dirs.daylight, ".daylight-cache")]) {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return { out, cacheDir, cached, build, run, wipe };
}

/** Measures daylight's cold, warm and one-post-edit builds, each the median of `runs`. */
export async function benchDaylight(corpus, { cli, runs, features, log }) {
  const { cached, build, wipe } = daylightBuilder(corpus, { cli, features });
  log(`daylight cold ×${runs}${features.noCache ? " (--no-cache)" : " (cache and output deleted before each run)"}`);
  const cold = await repeat(runs, { before: wipe, once: () => build(features.noCache ? ["--no-cache"] : cached) });
  log(`daylight warm ×${runs} (after one priming build)`);
  await wipe();
  const primed = await build();
  if (primed.code !== 0) throw new Error(`daylight priming build failed:\n${primed.output}`);
  const warm = await repeat(runs, { once: () => build() });
  log(`daylight one-post-edit ×${runs} (${path.relative(corpus.dirs.daylight, corpus.editTarget.file)})`);
  const original = await readFile(corpus.editTarget.file, "utf8");
  const edit = await repeat(runs, {
    before: (i) => writeFile(corpus.editTarget.file, withParagraph(original, `An edit made by the benchmark, number ${i + 1}.`)),
    once: () => build(),
  });
  await writeFile(corpus.editTarget.file, original);
  return { cold, warm, edit, lastOutput: primed.output.trim().split("\n").slice(-2).join("\n") };
}

/** The line of `--timings` that says how busy the render threads were ("2 render threads, busy 95% and …"). */
export function threadsOf(output) {
  return /^  (\d+ render threads?, busy .*)$/m.exec(output)?.[1];
}

/** `stage → ms` from the table `daylight build --timings` prints; undefined without one. */
export function stagesOf(output) {
  const table = output.slice(output.indexOf("where the time went"));
  const stages = {};
  for (const match of table.matchAll(/^  (.+?)\s{2,}(\d+\.\d)\s+[\d.]+$/gm)) stages[match[1]] = Number(match[2]);
  return Object.keys(stages).length > 0 ? stages : undefined;
}

/** Measures Eleventy's build (it has no persistent cache, so every build is cold). */
export async function benchEleventy(corpus, { runs, log }) {
  const bin = path.join(import.meta.dirname, "..", "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const out = path.join(corpus.dirs.root, "out", "eleventy");
  log(`eleventy cold ×${runs}`);
  const args = [bin, "--input=.", `--output=${out}`, "--config=eleventy.config.mjs", "--quiet"];
  const cold = await repeat(runs, {
    before: () => rm(out, { recursive: true, force: true }),
    once: () => timeCommand(process.execPath, args, { cwd: corpus.dirs.eleventy }),
  });
  return { cold };
}

/** The `hugo version` line, or null when hugo is not on PATH. */
export function hugoVersion() {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** Measures Hugo's cold build (output and its resources/ folder deleted before each run). */
export async function benchHugo(corpus, { runs, log }) {
  const out = path.join(corpus.dirs.root, "out", "hugo");
  log(`hugo cold ×${runs}`);
  const cold = await repeat(runs, {
    before: async () => {
      await rm(out, { recursive: true, force: true });
      await rm(path.join(corpus.dirs.hugo, "resources"), { recursive: true, force: true });
    },
    once: () => timeCommand("hugo", ["--source", corpus.dirs.hugo, "--destination", out, "--quiet"]),
  });
  return { cold };
}
