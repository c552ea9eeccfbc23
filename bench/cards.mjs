#!/usr/bin/env node
/**
 * The social cards' cost: the bench corpus built cold (`--no-cache`: every card drawn) with
 * `"cards": false` and `"cards": true`, in turns, `--runs` times each; then, with the cache,
 * a warm build (one post touched) that must draw no card. Prints the median wall times, the
 * `social cards` stage, its cost per card and what cards add to a cold build.
 *
 *   node bench/cards.mjs [--size 1000] [--runs 3] [--seed N] [--daylight DIR]
 */
import { readFile, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.mjs";
import { daylightBuilder, daylightFeatures } from "./harness/generators.mjs";
import { median } from "./harness/measure.mjs";

const HERE = import.meta.dirname;
const log = (message) => console.error(`[cards ${new Date().toISOString().slice(11, 19)}] ${message}`);
const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000" }, runs: { type: "string", default: "3" }, seed: { type: "string" },
    daylight: { type: "string", default: path.join(HERE, "..") },
  },
});
const cli = path.join(path.resolve(values.daylight), "lib", "cli.js");
const features = daylightFeatures(cli);
const runs = Number.parseInt(values.runs, 10);
const size = Number.parseInt(values.size, 10);

log(`generating ${size} posts`);
const corpus = await generateCorpus({ size, seed: values.seed === undefined ? undefined : Number(values.seed), sides: ["daylight"] });
const configFile = path.join(corpus.dirs.daylight, "site.config.json");
const config = JSON.parse(await readFile(configFile, "utf8"));
const setCards = (cards) => writeFile(configFile, `${JSON.stringify({ ...config, cards }, null, 2)}\n`);
const builder = daylightBuilder(corpus, { cli, features });

const samples = { off: [], on: [] };
for (let run = 0; run < runs; run++) {
  for (const cards of [false, true]) {
    await setCards(cards);
    await builder.wipe();
    log(`cold build, cards ${cards ? "on" : "off"} (${run + 1}/${runs})`);
    const result = await builder.build(["--no-cache"]);
    if (result.code !== 0) throw new Error(`build failed:\n${result.output}`);
    const count = cards ? (await readdir(path.join(builder.out, "assets/cards"))).length : 0;
    samples[cards ? "on" : "off"].push({ seconds: result.seconds, stage: result.stages?.["social cards"] ?? 0, count });
  }
}

await setCards(true);
await builder.wipe();
log("cached build, then a warm one (one post touched)");
const primed = await builder.build();
if (primed.code !== 0) throw new Error(`build failed:\n${primed.output}`);
await utimes(corpus.posts[0].file, new Date(), new Date());
const warmStart = Date.now();
const warm = await builder.build();
const cardsDir = path.join(builder.cacheDir, "cards");
const redrawn = (await readdir(cardsDir, { withFileTypes: true })).length - (await countOlder(cardsDir, warmStart));
await setCards(config.cards ?? false);

const off = median(samples.off.map((s) => s.seconds));
const on = median(samples.on.map((s) => s.seconds));
const stage = median(samples.on.map((s) => s.stage));
const count = samples.on[0].count;
console.log([
  `${size} posts, ${count} cards, medians of ${runs} cold builds (--no-cache)`,
  "",
  "| build | wall | social cards stage | per card |",
  "|---|---|---|---|",
  `| cold, cards off | ${off.toFixed(1)} s | – | – |`,
  `| cold, cards on | ${on.toFixed(1)} s (+${(100 * (on / off - 1)).toFixed(0)}%) | ${(stage / 1000).toFixed(1)} s | ${(stage / count).toFixed(1)} ms |`,
  `| warm (one post touched) | ${warm.seconds.toFixed(1)} s | ${(warm.stages?.["social cards"] ?? 0).toFixed(0)} ms | ${redrawn} cards drawn |`,
].join("\n"));

/** How many files in `dir` were last written before `time` (ms). */
async function countOlder(dir, time) {
  const { stat } = await import("node:fs/promises");
  const names = await readdir(dir);
  const stats = await Promise.all(names.map((name) => stat(path.join(dir, name))));
  return stats.filter((s) => s.mtimeMs < time).length;
}
