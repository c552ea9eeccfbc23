#!/usr/bin/env node
/**
 * Writes a deterministic tech-blog corpus three times: a daylight site (half `!!` headers,
 * half YAML front matter), an Eleventy project and a Hugo site with the same posts.
 *
 *   node bench/generate-corpus.mjs [--sizes 1000,4000] [--huge] [--seed N] [--out DIR]
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { corpusMeta, daylightSource, rootedPostLinks, yamlHeader } from "./corpus/post-meta.mjs";
import { postBody } from "./corpus/post-body.mjs";
import { ELEVENTY_FILES } from "./corpus/eleventy-project.mjs";
import { SITE } from "./corpus/site.mjs";
import { HUGO_FILES } from "./corpus/hugo-project.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SEED = 20250314;
export const CORPORA_DIR = path.join(HERE, "corpora");

/** Every copy of a corpus; `sides` picks some (scale.mjs writes only daylight's). */
export const SIDES = ["daylight", "eleventy", "hugo"];

/** Generates the corpus of `size` posts under `<outDir>/<size>/{daylight,eleventy,hugo}`; returns its paths and stats. */
export async function generateCorpus({ size, seed = DEFAULT_SEED, outDir = CORPORA_DIR, sides = SIDES }) {
  const root = path.join(outDir, String(size));
  await rm(root, { recursive: true, force: true });
  const dirs = { root, daylight: path.join(root, "daylight"), eleventy: path.join(root, "eleventy"), hugo: path.join(root, "hugo") };
  const meta = corpusMeta(size, seed);
  const files = new Map();
  let words = 0;
  let links = 0;
  for (const post of meta) {
    const body = postBody(post, meta, seed);
    words += body.split(/\s+/).length;
    links += (body.match(/\]\(/g) ?? []).length;
    const rel = path.join(String(post.year), `${post.slug}.md`);
    const rooted = rootedPostLinks(body);
    if (sides.includes("daylight")) files.set(path.join(dirs.daylight, "posts", rel), daylightSource(post, body));
    if (sides.includes("eleventy")) files.set(path.join(dirs.eleventy, "posts", rel), `${yamlHeader(post, { slug: false })}\n${rooted}`);
    if (sides.includes("hugo")) files.set(path.join(dirs.hugo, "content", "posts", rel), `${yamlHeader(post, { slug: true })}\n${rooted}`);
  }
  if (sides.includes("daylight")) files.set(path.join(dirs.daylight, "site.config.json"), `${JSON.stringify(daylightConfig(), null, 2)}\n`);
  if (sides.includes("eleventy")) for (const [rel, text] of Object.entries(ELEVENTY_FILES)) files.set(path.join(dirs.eleventy, rel), text);
  if (sides.includes("hugo")) for (const [rel, text] of Object.entries(HUGO_FILES)) files.set(path.join(dirs.hugo, rel), text);
  await writeAll(files);
  const daylightFile = (post) => path.join(dirs.daylight, "posts", String(post.year), `${post.slug}.md`);
  const edited = meta[Math.floor(size / 2)];
  return {
    size,
    seed,
    dirs,
    editTarget: { slug: edited.slug, file: daylightFile(edited) },
    // Newest first, as the site lists them: the incremental cases pick their posts from here.
    posts: meta.map((post) => ({ index: post.index, slug: post.slug, file: daylightFile(post) })),
    stats: { posts: size, meanWords: Math.round(words / size), meanLinks: +(links / size).toFixed(1) },
  };
}

/** The daylight copy's site.config.json. */
export function daylightConfig() {
  return { ...SITE, language: "en", timezone: "UTC", postsPerPage: 10, feedItems: 20 };
}

async function writeAll(files) {
  const dirs = new Set([...files.keys()].map((f) => path.dirname(f)));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  const entries = [...files];
  // Bounded concurrency: thousands of parallel writes only queue up in libuv anyway.
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([file, text]) => writeFile(file, text)));
  }
}

/** Parses `--sizes`, `--huge`, `--seed`, `--out` shared by this script and run-bench. */
export function corpusOptions(values) {
  const sizes = (values.sizes ?? "1000,4000").split(",").map((s) => Number.parseInt(s, 10));
  if (values.huge && !sizes.includes(16000)) sizes.push(16000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes wants posts counts >= 2, got ${values.sizes}`);
  return { sizes, seed: values.seed === undefined ? DEFAULT_SEED : Number(values.seed), outDir: path.resolve(values.out ?? CORPORA_DIR) };
}

async function main() {
  const { values } = parseArgs({
    options: { sizes: { type: "string" }, huge: { type: "boolean" }, seed: { type: "string" }, out: { type: "string" } },
  });
  const { sizes, seed, outDir } = corpusOptions(values);
  for (const size of sizes) {
    const corpus = await generateCorpus({ size, seed, outDir });
    console.log(`${size} posts → ${corpus.dirs.root}  (${corpus.stats.meanWords} words, ${corpus.stats.meanLinks} links per post)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
