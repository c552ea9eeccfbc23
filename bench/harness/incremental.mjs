/**
 * Runs the incremental cases (incremental-cases.mjs) on one corpus: a baseline build, then for
 * each case `runs` timed builds, each followed (outside the timing) by a snapshot of the
 * output, the case's verification and the count of files the build changed; then the sources
 * are put back and one more build must give the baseline's output again (a stale page left
 * behind by the case shows up there).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { daylightBuilder } from "./generators.mjs";
import { incrementalCases } from "./incremental-cases.mjs";
import { median } from "./measure.mjs";
import { diffSnapshots, snapshotOutput } from "./output-snapshot.mjs";

/** The line daylight prints when its repeat build found nothing to do. */
export const NOTHING_CHANGED = /^daylight: nothing changed/m;
// "12 pages written", "3 of 1,503 files changed", "rewrote 12 pages", "rendered 1 post"…
const REPORTED_COUNT = /\b(?:\d[\d,]*(?: of \d[\d,]*)? (?:pages?|files?|posts?)(?: \w+)? (?:re)?(?:written|rewritten|rendered|changed|updated)|(?:re)?(?:wrote|rendered) \d[\d,]*(?: of \d[\d,]*)? (?:pages?|files?|posts?))\b/g;
// The manifest records the generations a build saw, and the hashed files of earlier ones are
// kept beside a build's own (a body edit's search files, say): they may differ after a round trip.
const HISTORY = ["daylight-manifest.json"];

/** `{ [case name]: { label, seconds, peakMiB, samples, failures, restore } }` for the cases named in `only` (all by default). */
export async function benchIncremental(corpus, { cli, runs, features, log, daylightDir, only }) {
  const builder = daylightBuilder(corpus, { cli, features });
  const pageIn = (dir, rel) => readFile(path.join(dir, rel), "utf8").catch(() => null);
  const ctx = { corpus, features, daylightDir, out: builder.out, cacheDir: builder.cacheDir, run: builder.run, pageIn, page: (rel) => pageIn(builder.out, rel) };
  const mustBuild = async (why) => {
    const result = await builder.build();
    if (result.code !== 0) throw new Error(`daylight ${why} build failed:\n${result.output}`);
  };
  await mustBuild("baseline");
  const baseline = await snapshotOutput(builder.out);
  const results = {};
  for (const c of incrementalCases.filter((c) => only === undefined || only.includes(c.name))) {
    log(`daylight ${c.label} ×${runs}`);
    results[c.name] = await runCase(c, { ctx, builder, runs, baseline }).catch((error) => ({ label: c.label, error: String(error.stack ?? error) }));
    // Whatever happened, the next case starts from the original sources and their build.
    await mustBuild(`restoring (after ${c.name})`);
    const diff = diffSnapshots(baseline, await snapshotOutput(builder.out), { ignore: HISTORY, madeOnly: true });
    results[c.name].restore = { differing: diff.differing.length, examples: diff.differing.slice(0, 5) };
  }
  return results;
}

async function runCase(c, { ctx, builder, runs, baseline }) {
  const state = (await c.setup?.(ctx)) ?? {};
  try {
    if (c.prime) {
      const primed = await builder.build();
      if (primed.code !== 0) throw new Error(`priming build failed:\n${primed.output}`);
    }
    // A case with a reference output compares every run with it; the others with the last build.
    let before = c.reference ? await c.reference(ctx, state, baseline) : await snapshotOutput(ctx.out);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      await c.apply(ctx, i, state);
      const result = await (c.build ? c.build(ctx, i, state) : builder.build());
      const outDir = c.outDir?.(ctx, state) ?? ctx.out;
      const after = await snapshotOutput(outDir);
      const diff = diffSnapshots(before, after, c.reference ? { ignore: HISTORY, madeOnly: true } : {});
      samples.push(await sampleOf(c, { ctx, i, state, result, diff, outDir }));
      if (!c.reference) before = after;
    }
    return {
      label: c.label,
      // What filesChanged counts against: the build before each run, or the reference output.
      comparedWith: c.reference ? "a local build of the same sources" : "the previous build",
      ...(c.describe ? { target: c.describe(state) } : {}),
      seconds: median(samples.map((s) => s.seconds)),
      peakMiB: median(samples.map((s) => s.peakMiB)),
      failures: samples.flatMap((s, i) => s.failures.map((f) => `run ${i + 1}: ${f}`)),
      samples,
    };
  } finally {
    await c.restore?.(ctx, state);
  }
}

async function sampleOf(c, { ctx, i, state, result, diff, outDir }) {
  const report = reportLines(result.output);
  const saidNothingChanged = NOTHING_CHANGED.test(result.output);
  const failures = result.code !== 0
    ? [`exit ${result.code}: ${result.output.trim().split("\n").slice(-3).join(" | ")}`]
    : await c.verify(ctx, i, state, { diff, saidNothingChanged, outDir });
  // The report must be honest both ways: "nothing changed" after an edit is a wrong build.
  if (saidNothingChanged && c.changesSources !== false) failures.push(`the report said nothing changed, yet ${c.label} changed a source`);
  return {
    seconds: result.seconds,
    peakMiB: result.peakMiB,
    ...(result.stages ? { stages: result.stages } : {}),
    code: result.code,
    saidNothingChanged,
    // What the CLI says it rewrote, when it says so (e.g. "12 pages written").
    reportedCounts: report.flatMap((line) => [...line.matchAll(REPORTED_COUNT)].map((m) => m[0])),
    filesChanged: { changed: diff.changed, added: diff.added, removed: diff.removed, examples: diff.differing.slice(0, 8) },
    outputTouched: diff.touched,
    report,
    failures,
  };
}

/** The CLI's own summary lines (`daylight: …`), without the `--timings` table. */
function reportLines(output) {
  return output.split("\n").filter((line) => line.startsWith("daylight:") && !line.includes("where the time went"));
}
