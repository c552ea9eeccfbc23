#!/usr/bin/env node
/**
 * The responsive images' costs: the bench corpus with a photo beside every `--every`-th post
 * (a synthetic 2400×1600 JPEG with smooth colour fields and grain, compressing like a photo),
 * built cold (empty cache: every variant encoded) and warm (one post touched: nothing
 * encoded), then the bytes a reader downloads against the originals'. `--site DIR` measures
 * an existing site (the sample blog: `--site .`) instead of a corpus.
 *
 *   node bench/images.mjs [--size 200] [--every 1] [--seed N] [--daylight DIR] [--site DIR]
 */
import { createRequire } from "node:module";
import { readFile, readdir, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, DEFAULT_SEED, CORPORA_DIR } from "./generate-corpus.mjs";
import { daylightFeatures, daylightBuilder } from "./harness/generators.mjs";
import { createRng } from "./corpus/prng.mjs";

const HERE = import.meta.dirname;
const log = (message) => console.error(`[images ${new Date().toISOString().slice(11, 19)}] ${message}`);
const { values } = parseArgs({
  options: {
    size: { type: "string", default: "200" }, every: { type: "string", default: "1" }, seed: { type: "string" },
    daylight: { type: "string", default: path.join(HERE, "..") }, site: { type: "string" },
  },
});
const daylight = path.resolve(values.daylight);
const cli = path.join(daylight, "lib", "cli.js");
const sharp = createRequire(path.join(daylight, "package.json"))("sharp");
const features = daylightFeatures(cli);

const corpus = values.site === undefined ? await imageCorpus() : await siteCorpus(path.resolve(values.site));
const builder = daylightBuilder(corpus, { cli, features });
await builder.wipe();
log("cold build (empty cache)");
const cold = await builder.build();
if (cold.code !== 0) throw new Error(`cold build failed:\n${cold.output}`);
const variantsDir = path.join(builder.cacheDir, "images");
const encodedCold = (await readdir(variantsDir).catch(() => [])).length;
log("warm build (one post touched)");
// Touched, so that the build runs (an unchanged site is answered by its build record alone).
const touched = corpus.posts[0]?.file;
if (touched) await utimes(touched, new Date(), new Date());
const warmStart = Date.now();
const warm = await builder.build();
if (warm.code !== 0) throw new Error(`warm build failed:\n${warm.output}`);
const encodedWarm = await countNewer(variantsDir, warmStart);
const bytes = await downloadedBytes(builder.out);

const perImage = (ms) => (bytes.images === 0 ? "–" : `${(ms / bytes.images).toFixed(0)} ms`);
const row = (name, run) => `| ${name} | ${run.seconds.toFixed(1)} s | ${(run.stages?.["image variants"] ?? 0).toFixed(0)} ms | ${perImage(run.stages?.["image variants"] ?? 0)} | ${run.peakMiB?.toFixed(0) ?? "–"} MiB |`;
const pct = (part) => (bytes.original === 0 ? "–" : `${((100 * part) / bytes.original).toFixed(1)}%`);
const mib = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`);
console.log([
  `${corpus.label}: ${bytes.images} raster images (${mib(bytes.original)} of originals), ${bytes.variants} variants`,
  "",
  "| build | wall | image variants stage | per image | peak |",
  "|---|---|---|---|---|",
  row(`cold: ${encodedCold} variants encoded`, cold),
  row(`warm: ${encodedWarm} variants encoded`, warm),
  "",
  "| a reader's browser loads | bytes | of the originals |",
  "|---|---|---|",
  `| the originals (no picture: what was published before) | ${mib(bytes.original)} | 100% |`,
  `| AVIF at the width a 1× desktop column takes (≤ 800 px) | ${mib(bytes.avif800)} | ${pct(bytes.avif800)} |`,
  `| AVIF at the width a 2× screen takes (≤ 1200 px) | ${mib(bytes.avif1200)} | ${pct(bytes.avif1200)} |`,
  `| WebP (a browser without AVIF), ≤ 800 px | ${mib(bytes.webp800)} | ${pct(bytes.webp800)} |`,
  `| AVIF on a phone (≤ 480 px) | ${mib(bytes.avif480)} | ${pct(bytes.avif480)} |`,
].join("\n"));

/** The bench corpus, with a photo beside every `--every`-th post and a Markdown image of it at the top. */
async function imageCorpus() {
  const size = Number.parseInt(values.size, 10);
  const every = Number.parseInt(values.every, 10);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const outDir = path.join(CORPORA_DIR, "images");
  log(`generating ${size} posts, a photo beside every ${every === 1 ? "" : `${every}th `}post`);
  const corpus = await generateCorpus({ size, seed, outDir, sides: ["daylight"] });
  const random = createRng(seed).next;
  for (const post of corpus.posts.filter((_, i) => i % every === 0)) {
    const name = `${post.slug}-photo.jpg`;
    await writeFile(path.join(path.dirname(post.file), name), await syntheticPhoto(random));
    const text = await readFile(post.file, "utf8");
    await writeFile(post.file, withImage(text, `![A photo for ${post.slug}](./${name})`));
  }
  return { ...corpus, label: `${size}-post corpus` };
}

/** A site as it is, built into bench/corpora/images-site/ (and its own .daylight-cache/ deleted first, like any cold run's). */
async function siteCorpus(root) {
  const scratch = path.join(CORPORA_DIR, "images-site");
  const entries = await readdir(path.join(root, "posts"), { recursive: true, withFileTypes: true });
  const posts = entries.filter((e) => e.isFile() && e.name.endsWith(".md")).map((e) => ({ file: path.join(e.parentPath, e.name) })).sort((a, b) => (a.file < b.file ? -1 : 1));
  return { dirs: { root: scratch, daylight: root }, posts, label: `site ${root}` };
}

/** The post's text with `image` as its first paragraph, after the header (`!!` or YAML). */
function withImage(text, image) {
  const end = text.startsWith("---\n") ? text.indexOf("\n---\n", 3) + 5 : text.indexOf("\n\n---\n\n") + 7;
  return `${text.slice(0, end)}\n${image}\n\n${text.slice(end)}`;
}

/** 2400×1600: smooth colour fields from a 24×16 grid of random colours, with grain. */
async function syntheticPhoto(random) {
  const grid = Buffer.from(Array.from({ length: 24 * 16 * 3 }, () => Math.floor(random() * 256)));
  const field = await sharp(grid, { raw: { width: 24, height: 16, channels: 3 } }).resize(2400, 1600, { kernel: "cubic" }).raw().toBuffer();
  for (let i = 0; i < field.length; i++) field[i] = Math.max(0, Math.min(255, field[i] + Math.floor((random() - 0.5) * 24)));
  return sharp(field, { raw: { width: 2400, height: 1600, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function countNewer(dir, since) {
  let newer = 0;
  for (const name of await readdir(dir).catch(() => [])) if ((await stat(path.join(dir, name))).mtimeMs >= since) newer++;
  return newer;
}

/** From each built post page: every <picture>'s original and the variant a reader takes at 480, 800 and 1200 px. */
async function downloadedBytes(out) {
  const totals = { images: 0, variants: 0, original: 0, avif480: 0, avif800: 0, avif1200: 0, webp800: 0 };
  const basePath = new URL(JSON.parse(await readFile(path.join(out, "feed.json"), "utf8")).home_page_url).pathname;
  const size = async (url) => (await stat(path.join(out, decodeURI(url.slice(basePath.length))))).size;
  for (const page of await htmlFiles(path.join(out, "posts"))) {
    const html = await readFile(page, "utf8");
    for (const [picture] of html.matchAll(/<picture>.*?<\/picture>/g)) {
      const candidates = (type) => Array.from(picture.match(new RegExp(`type="image/${type}" srcset="([^"]*)"`))?.[1].split(", ") ?? [], (c) => {
        const [url, w] = c.split(" ");
        return { url, width: Number.parseInt(w, 10) };
      });
      const pick = (list, width) => list.filter((c) => c.width <= width).at(-1) ?? list[0];
      const avif = candidates("avif");
      const webp = candidates("webp");
      totals.images++;
      totals.variants += avif.length + webp.length;
      totals.original += await size(/<img src="([^"]+)"/.exec(picture)[1]);
      totals.avif480 += await size(pick(avif, 480).url);
      totals.avif800 += await size(pick(avif, 800).url);
      totals.avif1200 += await size(pick(avif, 1200).url);
      totals.webp800 += await size(pick(webp, 800).url);
    }
  }
  return totals;
}

async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name === "index.html").map((e) => path.join(e.parentPath, e.name)).sort();
}
