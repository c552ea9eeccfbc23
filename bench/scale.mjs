#!/usr/bin/env node
/**
 * Scale cases, too long for CI: a cold build of a very large blog, and a build of a site
 * with one very large post. Wall time and peak memory (GNU time's %M) of each, checked
 * against a budget; the table goes to stdout, everything to results/scale.json.
 *
 *   node bench/scale.mjs [--posts 20000] [--big-post-mib 10] [--budget-mib 1024]
 *                        [--only posts|big-post] [--heap-mib N] [--daylight DIR] [--seed N] [--cache]
 *
 * `--only` runs one case and keeps the other's last result in the file; `--heap-mib` runs
 * the builds with `--max-old-space-size=N` (does the build fit when V8 is told the budget?).
 * `--cache` builds the many posts with a build cache (a fresh one: a first build, as a writer's
 * is) instead of `--no-cache`: the cache's entries, ledger and headers are made as well.
 *
 * Run it niced on a shared machine: `nice -n 19 node bench/scale.mjs`.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, daylightConfig, generateCorpus } from "./generate-corpus.mjs";
import { corpusMeta, daylightSource, isoDate } from "./corpus/post-meta.mjs";
import { postBody } from "./corpus/post-body.mjs";
import { hasGnuTime, timeCommand } from "./harness/measure.mjs";

const HERE = import.meta.dirname;
/** Apart from corpora/<size>/, which run-bench.mjs may be using at the same time. */
const SCALE_DIR = path.join(HERE, "corpora", "scale");
const log = (message) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}`);

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "20000" },
    "big-post-mib": { type: "string", default: "10" },
    "budget-mib": { type: "string", default: "1024" },
    only: { type: "string" },
    "heap-mib": { type: "string" },
    seed: { type: "string" },
    daylight: { type: "string", default: path.join(HERE, "..") },
    cache: { type: "boolean", default: false },
  },
});
const posts = Number.parseInt(values.posts, 10);
const bigPostMiB = Number(values["big-post-mib"]);
const budgetMiB = Number(values["budget-mib"]);
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(posts) || posts < 2) throw new Error(`--posts wants a count >= 2, got ${values.posts}`);
if (!(bigPostMiB > 0)) throw new Error(`--big-post-mib wants a size in MiB, got ${values["big-post-mib"]}`);
if (values.only && !["posts", "big-post"].includes(values.only)) throw new Error(`--only wants posts or big-post, got ${values.only}`);
const heapMiB = values["heap-mib"] === undefined ? null : Number.parseInt(values["heap-mib"], 10);
if (heapMiB !== null && !(heapMiB > 0)) throw new Error(`--heap-mib wants a size in MiB, got ${values["heap-mib"]}`);
const nodeFlags = heapMiB === null ? [] : [`--max-old-space-size=${heapMiB}`];
const cli = path.resolve(values.daylight, "lib", "cli.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: compile daylight first (npx tsc -p tsconfig.build.json)`);
if (!hasGnuTime) log("GNU time is missing (apt-get install -y time): peak memory is not measured");

/**
 * A cold build of `root` into `out` (output, generations, staging and previous folders deleted first, no
 * cache). `budgeted`: whether the memory budget applies (the many-posts case; the big post
 * only has to build).
 */
async function coldBuild(root, out, budgeted, cached = false) {
  const cacheDir = `${out}.cache`;
  for (const dir of [out, `${out}.generations`, `${out}.staging`, `${out}.previous`, cacheDir]) await rm(dir, { recursive: true, force: true });
  const cacheFlags = cached ? ["--cache-dir", cacheDir] : ["--no-cache"];
  const run = await timeCommand(process.execPath, [...nodeFlags, cli, "build", "--root", root, "--out", out, ...cacheFlags], { env: { NO_COLOR: "1" } });
  const summary = run.output.trim().split("\n").filter((line) => line.startsWith("daylight: ")).at(-1) ?? null;
  return {
    date: new Date().toISOString(),
    heapMiB,
    ok: run.code === 0,
    code: run.code,
    seconds: +run.seconds.toFixed(2),
    peakMiB: run.peakMiB === null ? null : Math.round(run.peakMiB),
    underBudget: run.peakMiB === null || !budgeted ? null : run.peakMiB < budgetMiB,
    summary,
    ...(run.code === 0 ? {} : { outputTail: run.output.trim().split("\n").slice(-25).join("\n") }),
  };
}

/** Case 1: the generated corpus at `posts` posts, daylight's copy only. */
async function manyPosts() {
  log(`generating ${posts} posts`);
  const corpus = await generateCorpus({ size: posts, seed, outDir: SCALE_DIR, sides: ["daylight"] });
  log(`cold build of ${posts} posts (${values.cache ? "with a fresh cache" : "--no-cache"})`);
  const result = await coldBuild(corpus.dirs.daylight, path.join(corpus.dirs.root, "out"), true, values.cache);
  const label = `${posts} posts, cold${values.cache ? " with a cache" : ""}${heapMiB === null ? "" : `, heap ${heapMiB} MiB`}`;
  return { kind: values.cache ? "posts-cached" : "posts", case: label, corpus: { posts, ...corpus.stats }, ...result };
}

/**
 * Case 2: a site whose one big post is about `mib` MiB of ordinary markdown: the bodies of
 * generated posts one after another as its chapters (## per chapter, their sections one
 * level down), with their paragraphs, lists, tables, code blocks, links to the site's
 * other posts (some with #fragments) and citations, and one resource list at the end.
 * The posts it links to are the site's other posts, written as usual.
 */
async function bigPost() {
  const root = path.join(SCALE_DIR, `big-post-${bigPostMiB}mib`);
  const site = path.join(root, "daylight");
  await rm(root, { recursive: true, force: true });
  const others = corpusMeta(40, seed);
  await mkdir(path.join(site, "posts"), { recursive: true });
  // The one big post is ordinary markdown that takes long and much memory because it is big:
  // the case measures how much, so the render budgets (60 s, 768 MiB by default) must not stop it.
  const budgets = { renderBudgetSeconds: 3600, renderMemoryMiB: 16384 };
  await writeFile(path.join(site, "site.config.json"), `${JSON.stringify({ ...daylightConfig(), ...budgets }, null, 2)}\n`);
  for (const meta of others) await writeFile(path.join(site, "posts", `${meta.slug}.md`), daylightSource(meta, postBody(meta, others, seed)));

  const target = bigPostMiB * 2 ** 20;
  const chapters = [];
  const resources = new Map();
  let bytes = 0;
  for (let j = 0; bytes < target; j++) {
    const meta = others[j % others.length];
    const [text, list] = postBody(meta, others, seed + 1 + j).split("\n\n---\n\n# Resources\n\n");
    for (const line of list?.trim().split("\n") ?? []) resources.set(line.replace(/^\d+\. /, ""), true);
    const chapter = `## Part ${j + 1}: ${meta.title}\n\n${demoteHeadings(text.trim())}\n`;
    chapters.push(chapter);
    bytes += Buffer.byteLength(chapter) + 1;
  }
  const resourceList = [...resources.keys()].map((item, i) => `${i + 1}. ${item}`).join("\n");
  const body = `${chapters.join("\n")}\n---\n\n# Resources\n\n${resourceList}\n`;
  const header = [
    "!! title: Everything we know about deploys, in one post",
    "!! slug: the-big-post",
    `!! published: ${isoDate(new Date(Date.UTC(2025, 11, 2, 8)))}`,
    "!! description: A very long post, for the scale benchmark.",
    "!! tags: deploys, caching",
  ].join("\n");
  const file = path.join(site, "posts", "the-big-post.md");
  await writeFile(file, `${header}\n\n---\n\n${body}`);
  const sizeMiB = (await stat(file)).size / 2 ** 20;
  log(`cold build of a site with one ${sizeMiB.toFixed(1)} MiB post (${chapters.length} chapters) and ${others.length} others`);
  const result = await coldBuild(site, path.join(root, "out"), false);
  const page = path.join(root, "out", "posts", "the-big-post", "index.html");
  const pageMiB = result.ok ? +((await stat(page)).size / 2 ** 20).toFixed(1) : null;
  return {
    kind: "big-post",
    case: `one ${bigPostMiB} MiB post${heapMiB === null ? "" : `, heap ${heapMiB} MiB`}`,
    post: { sourceMiB: +sizeMiB.toFixed(2), chapters: chapters.length, lines: body.split("\n").length, pageMiB },
    ...result,
  };
}

/** `## x` → `### x` and `### x` → `#### x`, outside fenced code. */
function demoteHeadings(markdown) {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("```")) fenced = !fenced;
      return !fenced && /^#{2,5} /.test(line) ? `#${line}` : line;
    })
    .join("\n");
}

function table(results) {
  const head = ["case", "ok", "wall s", "peak MiB", `< ${budgetMiB} MiB`];
  const rows = results.map((r) => [
    r.case, r.ok ? "yes" : `exit ${r.code}`, r.seconds.toFixed(1), r.peakMiB === null ? "–" : String(r.peakMiB),
    r.underBudget === null ? "–" : r.underBudget ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const lines = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const r of results) if (r.summary) lines.push(`${r.case} (${r.date?.slice(0, 16).replace("T", " ") ?? "?"}): ${r.summary}`);
  return lines.join("\n");
}

const file = path.join(HERE, "results", "scale.json");
const ran = [];
if (values.only !== "big-post") ran.push(await manyPosts());
if (values.only !== "posts") ran.push(await bigPost());
for (const r of ran) if (r.outputTail) console.error(`\n${r.case} failed:\n${r.outputTail}`);
// With --only, the other case's last result stays in the file (and the table), marked by its date.
const previous = values.only ? await readFile(file, "utf8").then((text) => JSON.parse(text).results ?? [], () => []) : [];
const results = [...previous.filter((r) => !ran.some((now) => now.kind === r.kind)), ...ran]
  .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "posts" ? -1 : 1));
const printed = table(results);
console.log(printed);
await mkdir(path.dirname(file), { recursive: true });
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
  memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  niceness: os.getPriority(),
  daylight: JSON.parse(await readFile(path.join(values.daylight, "package.json"), "utf8")).version,
  gnuTime: hasGnuTime,
};
await writeFile(file, `${JSON.stringify({ environment, options: { posts, bigPostMiB, budgetMiB, heapMiB, seed }, results, table: printed }, null, 2)}\n`);
log(`results written to ${path.relative(process.cwd(), file)}`);
process.exitCode = ran.every((r) => r.ok && r.underBudget !== false) ? 0 : 1;
