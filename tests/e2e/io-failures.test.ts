import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixedNow, repoRoot, snapshot, tempDir } from "../support/run-cli.js";

/**
 * Every I/O failure a machine can cause ends a build with one line on stderr that names
 * the path and says what to do, exit 1, the previous output byte for byte, and nothing new
 * beside it. Real failures where this machine can make them (a full or read-only tmpfs:
 * root, with `mount`), injected ones (tests/support/fail-fs-call.mjs) for the rest.
 */

const cli = path.join(repoRoot, "lib/cli.js");
const injector = path.join(repoRoot, "tests/support/fail-fs-call.mjs");

/** A site of `count` posts (48 and more render in worker threads on a machine with two cores). */
function makeSite(root: string, count: number): void {
  mkdirSync(path.join(root, "posts"), { recursive: true });
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "IO", url: "https://example.com/" }));
  for (let i = 1; i <= count; i++) {
    const body = Array.from({ length: 20 }, (_, line) => `Line ${line} of post ${i}, some words to fill the page.`).join("\n\n");
    writeFileSync(path.join(root, `posts/post-${i}.md`), `!! title: Post ${i}\n!! published: 2026-01-${String((i % 28) + 1).padStart(2, "0")}\n\n${body}\n`);
  }
}

/** Edits every post, so that the next build renders and writes every page again. */
function editPosts(root: string): void {
  for (const name of readdirSync(path.join(root, "posts"))) appendFileSync(path.join(root, "posts", name), "\nEdited.\n");
}

/** Who runs a build: this process's user, or another (`uid`, `gid`) when root must be refused something. */
type RunAs = { uid?: number; gid?: number };

function build(root: string, out: string, extra: string[], env: NodeJS.ProcessEnv = {}, preload: string[] = [], as: RunAs = {}) {
  const run = spawnSync(process.execPath, [...preload, cli, "build", "--root", root, "--out", out, ...extra], {
    ...as,
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: root, NO_COLOR: "1", ...env },
  });
  return { status: run.status, stderr: run.stderr.split("\n").filter((line) => line !== "") };
}

/** What sits beside the output, but for the generations folder a writer may keep there (and a test's filler). */
function besideOutput(out: string): string[] {
  const ignored = new Set([`${path.basename(out)}.generations`, "filler"]);
  return readdirSync(path.dirname(out)).filter((name) => !ignored.has(name)).sort();
}

/** Temporary files anywhere below `dir` (a cache entry half written, a staged page). */
function leftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => /\.tmp$|staging|spool/.test(name));
}

/** Asserts the one-line failure: exit 1, one line naming `pathPart`, saying `what`, no stack trace. */
function expectOneLine(run: ReturnType<typeof build>, pathPart: string, what: RegExp): void {
  expect(run.stderr, run.stderr.join("\n")).toHaveLength(1);
  const [line] = run.stderr as [string];
  expect(line).toMatch(/^daylight: cannot /);
  expect(line).toContain(pathPart);
  expect(line).toMatch(what);
  expect(line).toContain("the previous output is unchanged");
  expect(line).not.toMatch(/\bat .*:\d+:\d+/);
  expect(run.status).toBe(1);
}

/** Builds once, then runs `fail` (which must fail the next build) and checks that nothing changed. */
function afterGoodBuild(dir: string, options: { posts?: number; cache?: boolean } = {}) {
  const root = path.join(dir, "site");
  const out = path.join(dir, "out", "dist");
  mkdirSync(path.dirname(out), { recursive: true });
  makeSite(root, options.posts ?? 6);
  const cacheArgs = options.cache ? ["--cache-dir", path.join(dir, "out", "cache")] : ["--no-cache"];
  expect(build(root, out, cacheArgs).status).toBe(0);
  const before = { output: snapshot(out), beside: besideOutput(out) };
  editPosts(root);
  return {
    root,
    out,
    failingBuild: (env: NodeJS.ProcessEnv, preload: string[] = [], as: RunAs = {}) => build(root, out, cacheArgs, env, preload, as),
    expectUnchanged: () => {
      expect(snapshot(out)).toEqual(before.output);
      expect(besideOutput(out)).toEqual(before.beside);
      expect(leftovers(path.dirname(out))).toEqual([]);
    },
  };
}

describe("an injected I/O failure", () => {
  const cases = [
    { call: "write", code: "ENOSPC", at: "index.html", what: /the disk is full — free space on \// },
    { call: "write", code: "EDQUOT", at: ".spool-", what: /quota/ },
    { call: "write", code: "EIO", at: "index.html", what: /input\/output error/ },
    { call: "open", code: "EACCES", at: "index.html", what: /permission denied — give your user access/ },
    { call: "open", code: "EMFILE", at: "index.html", what: /too many files are open/ },
    { call: "open", code: "ENOENT", at: "index.html", what: /does not exist/ },
    { call: "open", code: "EROFS", at: ".spool-", what: /read-only/ },
    // The swap's one rename (of a new link over the output).
    { call: "rename", code: "EBUSY", at: "dist", what: /busy/ },
    { call: "rename", code: "EPERM", at: "dist", what: /permission denied/ },
    { call: "rename", code: "EXDEV", at: "dist", what: /between two file systems/ },
  ];
  for (const { call, code, at, what } of cases) {
    it(`${code} on ${call} of a path holding "${at}" is one line, with the old output intact`, () => {
      const site = afterGoodBuild(tempDir());
      const run = site.failingBuild(
        { DAYLIGHT_TEST_FAIL_CALL: call, DAYLIGHT_TEST_FAIL_CODE: code, DAYLIGHT_TEST_FAIL_PATH: at },
        ["--import", injector],
      );
      expectOneLine(run, at, what);
      site.expectUnchanged();
    });
  }

  it("ENOSPC in a cache entry costs a warning, never a half-written entry", () => {
    const dir = tempDir();
    const site = afterGoodBuild(dir, { cache: true });
    const run = site.failingBuild(
      { DAYLIGHT_TEST_FAIL_CALL: "write", DAYLIGHT_TEST_FAIL_CODE: "ENOSPC", DAYLIGHT_TEST_FAIL_PATH: ".tmp" },
      ["--import", injector],
    );
    expect(run.status).toBe(0);
    expect(run.stderr.join("\n")).toMatch(/cache-write/);
    expect(leftovers(path.join(dir, "out", "cache"))).toEqual([]);
  });
});

/** Whether this process may mount a tmpfs (root, with mount(8), not forbidden by a container). */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir();
  if (spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status !== 0) return false;
  spawnSync("umount", [probe]);
  return true;
}

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync("umount", ["-l", dir]);
});

function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  const run = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`mount failed: ${run.stderr}`);
  mounted.push(dir);
}

/** Writes zeros into `file` until the disk is full. */
function fillDisk(file: string): void {
  spawnSync("dd", ["if=/dev/zero", `of=${file}`, "bs=4k"]);
}

const realFailures = canMountTmpfs();
if (!realFailures) console.warn("io-failures: real disk-full and read-only failures skipped (they need root and mount(8))");

describe.runIf(realFailures)("a real I/O failure", () => {
  it("a full disk holding the output and the cache is one line, in the worker path too, with nothing left behind", () => {
    const dir = tempDir();
    mountTmpfs(path.join(dir, "out"), "4m");
    const site = afterGoodBuild(dir, { posts: 60, cache: true });
    fillDisk(path.join(dir, "out", "filler"));
    const run = site.failingBuild({});
    expectOneLine(run, path.join(dir, "out"), /the disk is full — free space on /);
    site.expectUnchanged();
  });

  it("a read-only file system is one line", () => {
    const dir = tempDir();
    mountTmpfs(path.join(dir, "out"), "4m");
    const site = afterGoodBuild(dir);
    expect(spawnSync("mount", ["-o", "remount,ro", path.join(dir, "out")]).status).toBe(0);
    const run = site.failingBuild({});
    expectOneLine(run, path.join(dir, "out"), /read-only — remount /);
    site.expectUnchanged();
  });
});

describe("a real permission failure", () => {
  // chmod does not bind root: as root, the refused build runs as "nobody" (uid 65534).
  const asOther: RunAs = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  it("a folder the user may not write is one line naming it, with the old output intact", () => {
    const dir = tempDir();
    chmodSync(dir, 0o755); // the other user reads the site and the output
    const site = afterGoodBuild(dir);
    const holder = path.join(dir, "out");
    chmodSync(holder, 0o555);
    try {
      const run = site.failingBuild({}, [], asOther);
      expectOneLine(run, holder, /permission denied — give your user (write )?access to /);
      site.expectUnchanged();
    } finally {
      chmodSync(holder, 0o755);
    }
  });
});
