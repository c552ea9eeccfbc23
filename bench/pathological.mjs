#!/usr/bin/env node
/**
 * cmark's pathological inputs through daylight and through plain unified, one case at a time.
 * Each case is one post of a one-post site built by daylight's CLI (GFM, highlighting, the
 * render budget: its default unless --budget), next to plain unified in a child process
 * killed after --timeout seconds. A bench, not a test: it prints a table and writes
 * results/pathological.json.
 *
 *   node bench/pathological.mjs [--budget S] [--timeout 120] [--only "nested brackets"] [--daylight DIR]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { hugePostCases, pathologicalCases } from "./harness/pathological-cases.mjs";

const HERE = import.meta.dirname;
const log = (message) => console.error(`[pathological ${new Date().toISOString().slice(11, 19)}] ${message}`);
const { values } = parseArgs({
  options: {
    budget: { type: "string" },
    timeout: { type: "string", default: "120" },
    only: { type: "string" },
    daylight: { type: "string", default: path.join(HERE, "..") },
  },
});
const cli = path.resolve(values.daylight, "lib", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: compile daylight first (npm run compile)`);
const timeoutSeconds = Number(values.timeout);

/** Runs a command, killing it after `seconds`; wall time, exit code, the tail of its output and its peak RSS (MiB) when `rssFile` is given. */
function run(args, seconds, rssFile) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => (output = (output + chunk).slice(-20000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), seconds * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const peakMiB = rssFile && existsSync(rssFile) ? Math.round(Number(readFileSync(rssFile, "utf8")) / 1024) : undefined;
      resolve({ seconds: (performance.now() - started) / 1000, code, killed: signal === "SIGKILL", output, peakMiB });
    });
  });
}

/** daylight's verdict on one case: its build time, or the rule that stopped the post. */
async function throughDaylight(markdown, dir) {
  await mkdir(path.join(dir, "posts"), { recursive: true });
  const config = { title: "Pathological", url: "https://example.com/" };
  if (values.budget !== undefined) config.renderBudgetSeconds = Number(values.budget);
  await writeFile(path.join(dir, "site.config.json"), JSON.stringify(config));
  await writeFile(path.join(dir, "posts", "case.md"), `!! title: Case\n!! published: 2024-01-01\n\n${markdown}\n`);
  // The budget ends a slow post; a build still running long after it is a hang, and is killed.
  const limit = Number(values.budget ?? 60) + 120;
  // The build's peak resident memory, its worker threads included, written as it exits.
  const rssFile = path.join(dir, "peak-rss");
  const probe = path.join(dir, "probe.mjs");
  await writeFile(probe, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const result = await run(["--import", probe, cli, "build", "--root", dir, "--out", path.join(dir, "out"), "--no-cache"], limit, rssFile);
  peaks.set(dir, result.peakMiB);
  const rule = /\[([a-z0-9-]+)\]/.exec(result.output)?.[1];
  const s = result.seconds.toFixed(1);
  if (result.killed) return `hung, killed after ${s} s`;
  if (result.code === 0) return `${s} s`;
  if (rule === "render-budget") return `budget error after ${s} s`;
  return result.code === 1 ? `error [${rule ?? "?"}] after ${s} s` : `exit ${result.code} after ${s} s`;
}

async function throughUnified(markdown, dir) {
  const file = path.join(dir, "case.md");
  await writeFile(file, markdown);
  const result = await run([path.join(HERE, "harness", "plain-unified.mjs"), file], timeoutSeconds);
  if (result.killed) return `> ${timeoutSeconds} s (killed)`;
  if (result.code !== 0) return `crashed (exit ${result.code}${/RangeError|Maximum call stack/.test(result.output) ? ", stack overflow" : ""})`;
  return `${(JSON.parse(result.output.trim().split("\n").at(-1)).ms / 1000).toFixed(1)} s`;
}

const peaks = new Map();
const rows = [];
for (const { name, markdown } of [...pathologicalCases(), ...hugePostCases()]) {
  if (values.only && values.only !== name) continue;
  const dir = await mkdtemp(path.join(os.tmpdir(), "daylight-pathological-"));
  log(`${name} (${(markdown.length / 1024).toFixed(0)} KiB)`);
  const daylight = await throughDaylight(markdown, path.join(dir, "site"));
  const unified = await throughUnified(markdown, dir);
  const peakMiB = peaks.get(path.join(dir, "site"));
  rows.push({ name, kib: Math.round(markdown.length / 1024), daylight, unified, peakMiB });
  log(`  daylight: ${daylight} (peak ${peakMiB ?? "?"} MiB); plain unified: ${unified}`);
  await rm(dir, { recursive: true, force: true });
}

const header = ["case", "KiB", "daylight (whole build)", "plain unified (render)", "daylight peak MiB"];
const lines = [header, ...rows.map((r) => [r.name, String(r.kib), r.daylight, r.unified, String(r.peakMiB ?? "?")])];
const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i].length)));
const table = lines.map((line) => `| ${line.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`);
table.splice(1, 0, `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
console.log(table.join("\n"));
const out = path.join(HERE, "results", "pathological.json");
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, budget: values.budget ?? "default", timeoutSeconds, rows }, null, 2)}\n`);
log(`results written to ${path.relative(process.cwd(), out)}`);
