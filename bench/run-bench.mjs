#!/usr/bin/env node
/**
 * npm run bench: generates the corpora, then measures daylight (cold, warm, one-post edit,
 * the repeat builds of harness/incremental-cases.mjs, dev edit-to-DOM latency), Eleventy and
 * Hugo (when on PATH) on the same posts.
 *
 *   node bench/run-bench.mjs [--sizes 1000,4000] [--huge] [--runs 5] [--dev-edits 11]
 *                            [--no-eleventy] [--no-hugo] [--no-dev] [--daylight DIR] [--seed N]
 *                            [--no-incremental] [--cases no-change,edit-title,…]
 *                            [--pathological]   (then cmark's pathological inputs: pathological.mjs)
 *                            [--images]         (then responsive images: images.mjs, a photo beside every 20th post)
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { corpusOptions, generateCorpus } from "./generate-corpus.mjs";
import { benchDaylight, benchEleventy, benchHugo, daylightFeatures, hugoVersion } from "./harness/generators.mjs";
import { benchDevLatency } from "./harness/dev-latency.mjs";
import { benchIncremental } from "./harness/incremental.mjs";
import { incrementalCases } from "./harness/incremental-cases.mjs";
import { hasGnuTime } from "./harness/measure.mjs";
import { resultsTable } from "./harness/report.mjs";

const HERE = import.meta.dirname;
const log = (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const { values } = parseArgs({
  options: {
    sizes: { type: "string" }, huge: { type: "boolean" }, seed: { type: "string" }, out: { type: "string" },
    runs: { type: "string", default: "5" }, "dev-edits": { type: "string", default: "11" },
    "no-eleventy": { type: "boolean" }, "no-hugo": { type: "boolean" }, "no-dev": { type: "boolean" },
    pathological: { type: "boolean" }, images: { type: "boolean" }, "no-incremental": { type: "boolean" }, cases: { type: "string" },
    daylight: { type: "string", default: path.join(HERE, "..") },
  },
});
const { sizes, seed, outDir } = corpusOptions(values);
const runs = Number.parseInt(values.runs, 10);
const devEdits = Number.parseInt(values["dev-edits"], 10);
const cases = values.cases?.split(",");
const unknownCase = cases?.find((name) => !incrementalCases.some((c) => c.name === name));
if (unknownCase !== undefined) {
  console.error(`--cases: no case "${unknownCase}"; the cases are ${incrementalCases.map((c) => c.name).join(", ")}`);
  process.exit(2);
}
const cli = path.resolve(values.daylight, "lib", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: compile daylight first (npx tsc -p tsconfig.build.json)`);
const features = daylightFeatures(cli);
const hugo = values["no-hugo"] ? null : hugoVersion();
if (!hasGnuTime) log("GNU time is missing (apt-get install -y time): peak memory is not measured");
if (!values["no-hugo"] && !hugo) log("hugo: not on PATH, skipped (Debian: apt-get install -y hugo)");

const results = [];
for (const size of sizes) {
  log(`generating ${size} posts`);
  const corpus = await generateCorpus({ size, seed, outDir });
  const result = { size, corpus: corpus.stats, daylight: await benchDaylight(corpus, { cli, runs, features, log }) };
  if (!values["no-incremental"]) {
    result.incremental = await benchIncremental(corpus, { cli, runs, features, log, daylightDir: path.resolve(values.daylight), only: cases });
  }
  if (!values["no-eleventy"]) result.eleventy = await benchEleventy(corpus, { runs, log });
  if (hugo) result.hugo = await benchHugo(corpus, { runs, log });
  if (!values["no-dev"]) {
    // A failing probe is a result to report, not a reason to lose the build numbers.
    result.dev = await benchDevLatency(corpus, { cli, edits: devEdits, log }).catch((error) => ({ error: String(error.stack ?? error) }));
  }
  results.push(result);
}

const table = resultsTable(results);
console.log(table);
const file = path.join(HERE, "results", "latest.json");
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify({ environment: await environment(), options: { sizes, seed, runs, devEdits, cases: values["no-incremental"] ? [] : (cases ?? "all") }, results, table }, null, 2)}\n`);
log(`results written to ${path.relative(process.cwd(), file)}`);

if (values.pathological) {
  log("cmark's pathological inputs");
  execFileSync(process.execPath, [path.join(HERE, "pathological.mjs"), "--daylight", values.daylight], { stdio: "inherit" });
}

if (values.images) {
  log("responsive images");
  execFileSync(process.execPath, [path.join(HERE, "images.mjs"), "--daylight", values.daylight, "--size", String(sizes[0]), "--every", "20"], { stdio: "inherit" });
}

async function environment() {
  const pkg = async (p) => JSON.parse(await readFile(p, "utf8")).version;
  const git = (args) => {
    try {
      return execFileSync("git", ["-C", values.daylight, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    daylight: { version: await pkg(path.join(values.daylight, "package.json")).catch(() => null), commit: git(["rev-parse", "HEAD"]), dirty: Boolean(git(["status", "--porcelain"])), features },
    eleventy: await pkg(path.join(HERE, "node_modules", "@11ty", "eleventy", "package.json")),
    hugo,
    gnuTime: hasGnuTime,
  };
}
