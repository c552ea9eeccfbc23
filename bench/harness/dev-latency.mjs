/** Save-to-DOM latency of `daylight dev`: write a marker into a post, time its arrival in Chromium. */
import { spawn } from "node:child_process";
import net from "node:net";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";
import { median } from "./measure.mjs";
import { withParagraph } from "./generators.mjs";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Epoch milliseconds with sub-millisecond resolution, on the same scale as the page's clock. */
const nowMs = () => performance.timeOrigin + performance.now();

/** How many new posts the dev bench adds, one at a time, to time how soon search finds each. */
const newPosts = 5;

/** Starts the dev server, opens the edited post, and measures `edits` saves, then `newPosts` new posts; returns medians and samples. */
export async function benchDevLatency(corpus, { cli, edits, log }) {
  const started = nowMs();
  const server = await startDevServer(cli, corpus.dirs.daylight, await freePort());
  const startupSeconds = (nowMs() - started) / 1000;
  log(`dev server up in ${startupSeconds.toFixed(1)} s at ${server.url}; ${edits} edits`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const original = await readFile(corpus.editTarget.file, "utf8");
  try {
    const page = await browser.newPage();
    await page.goto(new URL(`posts/${corpus.editTarget.slug}/`, server.url).href, { waitUntil: "load" });
    await sleep(500); // let the live-reload stream connect before the first save
    const offsetMs = await clockOffset(page);
    const samples = [];
    for (let i = 0; i < edits; i++) {
      samples.push(await oneEdit(page, corpus.editTarget.file, original, offsetMs, i));
      await sleep(300);
    }
    const latencies = samples.map((s) => s.ms);
    const findable = [];
    for (let i = 0; i < newPosts; i++) findable.push(await newPostFindable(server, corpus.dirs.daylight, i));
    return {
      newPostFindableMs: median(findable),
      newPostSamples: findable,
      medianMs: median(latencies),
      maxMs: Math.max(...latencies),
      reloads: samples.filter((s) => s.reloaded).length,
      startupSeconds,
      clockOffsetMs: offsetMs,
      browser: browser.version(),
      samples,
    };
  } finally {
    await writeFile(corpus.editTarget.file, original);
    await browser.close();
    await server.stop();
  }
}

async function oneEdit(page, file, original, offsetMs, i) {
  const marker = `benchmarker${i}q${Math.random().toString(36).slice(2, 10)}`;
  await page.evaluate((m) => {
    window.__benchSeen = null;
    window.__benchArmed = true;
    const check = () => {
      if (window.__benchSeen === null && document.body.textContent.includes(m)) {
        window.__benchSeen = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  }, marker);
  const savedAt = nowMs();
  await writeFile(file, withParagraph(original, `The benchmark wrote ${marker} here.`));
  // A full page reload loses the observer: then the new document's first sight of the marker counts.
  const handle = await page.waitForFunction(
    (m) =>
      window.__benchArmed
        ? window.__benchSeen
        : document.body?.textContent.includes(m)
          ? { reloaded: performance.timeOrigin + performance.now() }
          : null,
    marker,
    { timeout: 60_000, polling: 5 },
  );
  const seen = await handle.jsonValue();
  const seenAt = typeof seen === "number" ? seen : seen.reloaded;
  return { ms: seenAt - offsetMs - savedAt, reloaded: typeof seen !== "number" };
}

/** Page clock minus Node clock, the median of a few round trips (both are wall-clock based; this catches skew). */
async function clockOffset(page) {
  const offsets = [];
  for (let i = 0; i < 7; i++) {
    const before = nowMs();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = nowMs();
    offsets.push(pageNow - (before + after) / 2);
  }
  return median(offsets);
}

/** A port nobody listens on right now (the dev server also tries the next ones if it is taken meanwhile). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startDevServer(cli, root, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "dev", "--root", root, "--port", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let output = "";
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
    const onData = (chunk) => {
      output += chunk;
      const match = /serving .* at (http:\/\/\S+)/.exec(output);
      // Whole builds finished so far: each prints one "built" line (a failed one an error line).
      if (match) resolve({ url: match[1], stop, child, builds: () => output.match(/^daylight: built /gm)?.length ?? 0 });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`daylight dev exited with ${code} before serving:\n${output.slice(-2000)}`)));
  });
}

/**
 * Writes a new post (dated today, so the newest) with a word no other post has, once the dev
 * server has been quiet for a while (no build it runs then makes the post wait), and times
 * how long until its search index has the word, read as the theme's script reads it
 * (pointer, entry, the word's chunk); then removes the post.
 */
async function newPostFindable(server, root, i) {
  const word = `zqbench${i}${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
  const file = path.join(root, "posts", `bench-new-post-${i}.md`);
  await quiet(server);
  const savedAt = nowMs();
  await writeFile(file, `!! title: A new post ${i}\n!! published: ${new Date().toISOString().slice(0, 10)}\n\nThe bench wrote ${word} here.\n`);
  while (!(await indexHas(server.url, word))) {
    if (nowMs() - savedAt > 60_000) throw new Error(`the new post's word ${word} was not found within 60 s`);
    await sleep(5);
  }
  const ms = nowMs() - savedAt;
  await rm(file);
  while (await indexHas(server.url, word)) await sleep(20);
  return ms;
}

/**
 * Waits until the server has finished no build for `ms` (each whole build prints a line; the
 * longest at 4,000 posts take about 2 s): the builds an earlier change started are over.
 */
async function quiet(server, ms = 3000) {
  for (let builds = -1; builds !== server.builds(); ) {
    builds = server.builds();
    await sleep(ms);
  }
}

/** Whether the served search index has `word` (false, too, while a rebuild replaces the files between two reads). */
async function indexHas(serverUrl, word) {
  const json = async (url) => {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? response.json() : undefined;
  };
  const pointerUrl = new URL("search/index.json", serverUrl);
  const pointer = await json(pointerUrl);
  if (pointer === undefined) return false;
  const entryUrl = new URL(pointer.index, pointerUrl);
  const entry = await json(entryUrl);
  const chunk = entry?.chunks?.[word.slice(0, 3)] ?? entry?.chunks?.[word.slice(0, 2)];
  if (chunk === undefined) return false;
  const terms = await json(new URL(chunk, entryUrl));
  return terms !== undefined && Object.hasOwn(terms, word);
}
