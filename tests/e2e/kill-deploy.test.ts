import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedNow, repoRoot, runCli, snapshot, spawnCli, tempDir } from "../support/run-cli.js";

/**
 * `daylight deploy` killed with SIGKILL at points across its whole run, into a folder that
 * serves generation 1 while generation 2 is published. What README promises for that
 * folder at every moment: every page finds its stylesheet and images, and every page a
 * reader can reach the pages and feeds it links to; every file is the old or the new
 * version of itself; nothing live in generation 1 is missing before the deletion step,
 * which begins after the manifest; and running it again finishes exactly generation 2.
 *
 * Kills land at exact points (after the k-th change to the file system, counted by a
 * preloaded hook, tests/support/kill-at-fs-call.mjs) and, for the unmodified CLI, at
 * fractions of a measured run.
 */

const cli = path.join(repoRoot, "lib/cli.js");
const killHook = path.join(repoRoot, "tests/support/kill-at-fs-call.mjs");
const manifest = "daylight-manifest.json";
const temporary = /(^|\/)\.[^/]+\.daylight-tmp$/;
/** What a page links to rather than loads: other pages, feeds, the sitemap. */
const document = /\.(html|xml|json|txt)$/;

/** The sample blog, copied so that generation 2 can change it. */
function sampleSite(): string {
  const root = path.join(tempDir(), "site");
  for (const part of ["posts", "pages", "public", "site.config.json"]) cpSync(path.join(repoRoot, part), path.join(root, part), { recursive: true });
  return root;
}

/** Generation 2: an edited post, a new stylesheet hash, a new post with an image, a post removed (`gone`), one renamed (alias). */
function changeSite(root: string): void {
  const at = (file: string) => path.join(root, file);
  appendFileSync(at("posts/atomic-renames.md"), "\nA paragraph added for the second generation.\n");
  mkdirSync(at("templates/assets"), { recursive: true });
  const css = readFileSync(path.join(repoRoot, "templates/assets/style.css"), "utf8");
  writeFileSync(at("templates/assets/style.css"), `${css}\n.gen-2 { background: url("/favicon.svg") no-repeat; }\n`);
  rmSync(at("posts/2025/café-notes.md"));
  const about = readFileSync(at("pages/about.md"), "utf8");
  writeFileSync(at("pages/about.md"), about.replace("[our notes on plain text](./posts/cafe-notes)", "our notes on plain text"));
  const config = JSON.parse(readFileSync(at("site.config.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(at("site.config.json"), JSON.stringify({ ...config, gone: ["/posts/cafe-notes/"] }));
  const renamed = readFileSync(at("posts/2026/pre-switch-checks.md"), "utf8");
  writeFileSync(at("posts/2026/pre-switch-checks.md"),
    renamed.replace("!! slug: pre-switch-checks", "!! slug: checks-before-the-switch\n!! aliases: /posts/pre-switch-checks/"));
  mkdirSync(at("posts/2026/img"));
  cpSync(path.join(repoRoot, "public/images/blue-green.svg"), at("posts/2026/img/diagram.svg"));
  writeFileSync(at("posts/2026/one-more.md"), "!! title: One more post\n!! published: 2026-03-01\n!! tags: deploys, new-tag\n\n" +
    "A new page, with a [link](./posts/atomic-renames) and a picture:\n\n![diagram](./img/diagram.svg)\n");
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** `daylight deploy --out OUT --to TO`, optionally killed after `killAfterMs` or at fs call `killAt`. */
function deploy(out: string, to: string, options: { killAfterMs?: number; killAt?: number; fsLog?: string } = {}): Promise<Run> {
  const hooked = options.killAt !== undefined || options.fsLog !== undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: fixedNow };
  if (options.killAt !== undefined) env.DAYLIGHT_TEST_KILL_AT = String(options.killAt);
  if (options.fsLog !== undefined) env.DAYLIGHT_TEST_FS_LOG = options.fsLog;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(hooked ? ["--import", killHook] : []), cli, "deploy", "--out", out, "--to", to], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Every folder below `dir`, relative, sorted: a deploy must not leave empty ones behind either. */
function folders(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string, prefix: string) => {
    for (const name of readdirSync(current).sort()) {
      if (!statSync(path.join(current, name)).isDirectory()) continue;
      found.push(`${prefix}${name}`);
      walk(path.join(current, name), `${prefix}${name}/`);
    }
  };
  walk(dir, "");
  return found;
}

const origin = "https://example.com";

/**
 * The local URLs a file references, as output paths (`x/` → `x/index.html`), found by a
 * scanner of its own rather than daylight's checker: in HTML href, src and srcset, in HTML
 * and CSS url(), in feeds, sitemap and robots.txt every absolute URL on the site's host.
 */
function localReferences(file: string, text: string): string[] {
  const raw: string[] = [];
  if (file.endsWith(".html")) {
    for (const m of text.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) raw.push(m[1] ?? m[2] ?? "");
    for (const m of text.matchAll(/\ssrcset\s*=\s*"([^"]*)"/gi)) for (const part of m[1]!.split(",")) raw.push(part.trim().split(/\s+/)[0] ?? "");
  }
  if (file.endsWith(".html") || file.endsWith(".css")) {
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)) raw.push(m[1] ?? m[2] ?? m[3] ?? "");
  }
  if (/\.(xml|json|txt)$/.test(file) && file !== manifest) {
    for (const m of text.matchAll(/https:\/\/example\.com\/[^\s"'<>\\&]*/g)) raw.push(m[0]);
  }
  const found = new Set<string>();
  for (const ref of raw.map((r) => r.replaceAll("&amp;", "&"))) {
    if (ref === "" || ref.startsWith("#") || ref.startsWith("data:")) continue;
    const url = new URL(ref, `${origin}/${file}`);
    if (url.origin !== origin) continue;
    const target = decodeURIComponent(url.pathname.slice(1));
    found.add(target === "" || target.endsWith("/") ? `${target}index.html` : target);
  }
  return [...found];
}

type Files = Record<string, string>;

/** What a killed deploy may leave, asserted; returns a name for the state it was in, and how many temporaries it left. */
function assertSafe(target: string, gen1: Files, gen2: Files, where: string): { state: string; temporaries: number } {
  const now = snapshot(target);
  const paths = Object.keys(now);
  const temporaries = paths.filter((p) => temporary.test(p));
  const site = paths.filter((p) => !temporary.test(p));
  // Every file is the old or the new version of itself: never half a file, never a third thing.
  for (const p of site) {
    expect([gen1[p], gen2[p]], `${where}: ${p} is neither generation's`).toContain(now[p]);
  }
  const deleting = now[manifest] === gen2[manifest];
  if (deleting) {
    // The manifest goes last among the uploads: once it is there, everything of generation 2 is.
    for (const p of Object.keys(gen2)) expect(now[p], `${where}: ${p} missing after the manifest`).toBe(gen2[p]);
  }
  // Nothing live in generation 1 is missing, except what generation 2 drops, once the deletion step has begun.
  for (const p of Object.keys(gen1)) {
    if (now[p] !== undefined) continue;
    expect(gen2[p], `${where}: ${p} (in both generations) is missing`).toBeUndefined();
    expect(deleting, `${where}: ${p} deleted before generation 2 was complete`).toBe(true);
  }
  // Every page finds its stylesheet, images and other files (not pages or feeds, which it
  // links to), whether or not a reader can reach it yet.
  const present = new Set(site);
  const text = (p: string) => Buffer.from(now[p]!, "base64").toString("utf8");
  const refs = new Map(site.map((p) => [p, localReferences(p, text(p))]));
  for (const [p, list] of refs) {
    for (const ref of list) {
      if (!document.test(ref) && !present.has(ref)) expect.fail(`${where}: ${p} references ${ref}, which the folder does not have`);
    }
  }
  // Every page a reader can reach — any URL of generation 1 (bookmarks, caches, search
  // engines), then what their links lead to — finds every page it links to. New pages
  // nothing links to yet may link to each other before both are there (previous/next
  // links make cycles, so no order avoids it); a page generation 2 drops may lose its links
  // to other dropped pages while the deletion step removes them one by one.
  const reachable = new Set(site.filter((p) => gen1[p] !== undefined));
  const queue = [...reachable];
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    for (const ref of refs.get(p) ?? []) {
      if (present.has(ref)) {
        if (!reachable.has(ref)) {
          reachable.add(ref);
          queue.push(ref);
        }
        continue;
      }
      const droppedWhileDeleting = deleting && gen2[p] === undefined && gen2[ref] === undefined;
      if (!droppedWhileDeleting) expect.fail(`${where}: ${p}, which a reader can reach, links to ${ref}, which the folder does not have`);
    }
  }
  const untouched = temporaries.length === 0 && site.length === Object.keys(gen1).length && site.every((p) => now[p] === gen1[p]);
  const state = untouched ? "untouched" : JSON.stringify(now) === JSON.stringify(gen2) ? "complete" : deleting ? "deleting" : "uploading";
  return { state, temporaries: temporaries.length };
}

describe("a deploy killed at any moment", () => {
  it("leaves a folder whose every page finds its assets, and the next deploy completes generation 2", async () => {
    const root = sampleSite();
    const work = path.dirname(root);
    const out = path.join(work, "dist");
    const build = () => spawnCli(["build", "--root", root, "--out", out, "--no-cache"], root);
    expect(build().status).toBe(0);
    const served1 = path.join(work, "served-1");
    expect((await deploy(out, served1)).code).toBe(0);
    const gen1 = snapshot(served1);
    changeSite(root);
    const built2 = build();
    // Generation 1's stylesheet is kept, and so are the files of its search index that generation 2 replaced.
    const kept = /kept (\d+) assets? of 1 earlier generation/.exec(built2.stderr + built2.stdout);
    expect(Number(kept?.[1])).toBeGreaterThan(1);
    expect(built2.status).toBe(0);
    // A deploy records in the built manifest that generation 2's URLs are published (once:
    // every later deploy of it publishes that manifest as it is). Done here, elsewhere,
    // so that every deploy below makes the same file system calls.
    expect((await deploy(out, path.join(work, "first-deploy-of-2"))).code).toBe(0);
    const gen2 = snapshot(out);
    expect(gen2[manifest]).not.toContain('"unpublished"');
    const gen1Style = Object.keys(gen1).find((p) => /^assets\/style\.[0-9a-f]+\.css$/.test(p))!;
    // The contract keeps generation 1's stylesheet for pages a cache still holds: it is part of generation 2.
    expect(gen2[gen1Style]).toBe(gen1[gen1Style]);
    expect(Object.keys(gen2).filter((p) => /^assets\/style\./.test(p))).toHaveLength(2);
    // So is every file of generation 1's search index, which its pages' script may still load.
    const gen1Search = Object.keys(gen1).filter((p) => p.startsWith("assets/search/"));
    expect(gen1Search.length).toBeGreaterThan(0);
    for (const p of gen1Search) expect(gen2[p], p).toBe(gen1[p]);

    // One full deploy, recording each file system change with its time.
    const fsLog = path.join(work, "fs.log");
    const measured = path.join(work, "measured");
    cpSync(served1, measured, { recursive: true });
    const spawned = Date.now();
    expect((await deploy(out, measured, { fsLog })).code).toBe(0);
    const calls = readFileSync(fsLog, "utf8").trim().split("\n").map((line) => {
      const [ms, call, file] = line.split(" ");
      return { ms: Number(ms) - spawned, call: call!, file: path.relative(measured, file!) };
    });
    expect(snapshot(measured)).toEqual(gen2);
    const manifestAt = calls.findIndex((c) => c.call === "rename" && c.file === manifest) + 1;
    expect(manifestAt).toBeGreaterThan(0);
    expect(calls.slice(manifestAt).some((c) => c.call === "unlink")).toBe(true);

    // Kill points: after k of the N changes, spread over the whole run (0 and N included), and
    // every point of the deletion step (after an unlink, before its folder is removed…).
    const n = calls.length;
    const points = new Set<number>();
    for (let i = 0; i <= 14; i++) points.add(Math.round((i * n) / 14));
    for (let k = manifestAt; k <= n; k++) points.add(k);
    // And timed kills of the unmodified CLI: in its start-up, then at fractions of the
    // stretch in which it changed files (measured above, so a slower machine is covered too).
    const first = calls[0]!.ms;
    const busy = calls.at(-1)!.ms - first;
    const times = [0.5 * first, ...[0, 0.25, 0.5, 0.75, 1.5].map((f) => first + f * busy)].map(Math.round);

    const states = new Map<string, number>();
    const trial = async (name: string, options: { killAt?: number; killAfterMs?: number }) => {
      const target = path.join(work, `served-${name}`);
      cpSync(served1, target, { recursive: true });
      const killed = await deploy(out, target, options);
      if (options.killAt !== undefined && options.killAt < n) expect(killed.signal, name).toBe("SIGKILL");
      const { state, temporaries } = assertSafe(target, gen1, gen2, name);
      states.set(state, (states.get(state) ?? 0) + 1);
      if (temporaries > 0) states.set("with a temporary", (states.get("with a temporary") ?? 0) + 1);
      if (state !== "untouched" && state !== "complete") expect(killed.signal, name).toBe("SIGKILL");
      // Run again (in-process: the same code, without a second process start per trial).
      const again = await runCli(["deploy", "--out", out, "--to", target]);
      expect(again.code, `${name}: ${again.err.join("\n")}`).toBe(0);
      expect(snapshot(target), name).toEqual(gen2);
      expect(folders(target), name).toEqual(folders(out));
      rmSync(target, { recursive: true, force: true });
    };
    const queue = [
      ...[...points].sort((a, b) => a - b).map((k) => () => trial(`at-${k}-of-${n}`, { killAt: k })),
      ...times.map((ms, i) => () => trial(`after-${ms}ms-${i}`, { killAfterMs: ms })),
    ];
    // Two at a time: the machine has two cores, and each trial is mostly process start-up.
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    };
    await Promise.all([worker(), worker()]);
    // The kills must have landed before, during and after the uploads, or the test proved little.
    for (const state of ["untouched", "uploading", "with a temporary", "deleting", "complete"]) expect(states.get(state), `${state} in ${[...states]}`).toBeGreaterThan(0);
  });
});
