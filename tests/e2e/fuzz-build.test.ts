/**
 * Fuzzing the whole build: hundreds of random, malformed and adversarial site folders
 * (tests/support/fuzz-sites.ts), each built into an output folder that mostly holds a
 * previous good build. Whatever the input, a build must
 *
 * - exit 0 or 1, never crash, never print a stack trace or an internal error;
 * - place every diagnostic inside the file it names (line ≤ its lines, column ≤ that line's
 *   length + 1);
 * - leave the output folder either a complete new build (`daylight check` passes on it, no
 *   staging or retired folder beside it) or exactly as it was, byte for byte (at most
 *   repaired after a killed build: its staging folder gone, its retired generation back).
 *   It may start out holding a good build, nothing, a killed build's leftovers, a cut-off
 *   manifest or someone's own files.
 *
 * Most sites build in-process through the CLI's main(); a few dozen go through the real
 * `node lib/cli.js`, which is what proves the exit code and the absence of stack traces in
 * a terminal. Runs are deterministic (fixed seed, see property-runs.ts); FC_SEED explores
 * others and FUZZ_RUNS sets how many sites. A failure prints its seed and the shrunk site.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { siteSpec, writeSite, type Entry, type Piece, type Previous, type SiteSpec } from "../support/fuzz-sites.js";
import { propertyRuns } from "../support/property-runs.js";
import { fixedNow, repoRoot, snapshot } from "../support/run-cli.js";

const runs = Number(process.env.FUZZ_RUNS ?? 240);
const processRuns = Number(process.env.FUZZ_PROCESS_RUNS ?? 24);

interface Outcome {
  readonly code: number | null;
  readonly output: string;
}

type Runner = (argv: string[], cwd: string) => Promise<Outcome>;

/** The CLI's main() in this process, as the real terminal would run it; a throw is a crash. */
const inProcess: Runner = async (argv, cwd) => {
  const lines: string[] = [];
  const console = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  try {
    const code = await main(argv, { SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: cwd }, console);
    return { code, output: lines.join("\n") };
  } catch (e) {
    return { code: null, output: `${lines.join("\n")}\nTHROWN: ${e instanceof Error ? e.stack : String(e)}` };
  }
};

/** `node lib/cli.js`, with the real exit code and everything it printed. */
const childProcess: Runner = (argv, cwd) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), ...argv], {
      cwd,
      env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, INIT_CWD: cwd },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code, signal) => resolve({ code: signal ? null : code, output: signal ? `${output}\nKILLED by ${signal}` : output }));
  });

/** What must never be printed: stack frames and JavaScript's own error names. */
const crashSigns = [
  /^\s+at \S/m,
  /\b(?:Type|Range|Reference|Syntax|Eval|URI|Aggregate|Internal)Error\b/,
  /Maximum call stack/,
  /internal error/i,
  /Cannot read propert/,
  /is not a function/,
  /is not iterable/,
];

const withLineAndColumn = /^(?<file>.+):(?<line>\d+):(?<column>\d+)  (?:error|warning)  /;
const withLine = /^(?<file>.+):(?<line>\d+)  (?:error|warning)  /;
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Problems with the diagnostics' positions: each must fall inside the file it names. */
function positionProblems(output: string, root: string): string[] {
  const problems: string[] = [];
  const linesOf = new Map<string, string[] | undefined>();
  for (const line of output.split("\n")) {
    const match = (withLineAndColumn.exec(line) ?? withLine.exec(line))?.groups;
    if (!match) continue;
    const file = path.resolve(root, match.file as string);
    const where = `${match.file}:${match.line}:${match.column ?? "-"}`;
    if (!linesOf.has(file)) {
      linesOf.set(file, existsSync(file) && statSync(file).isFile() ? decoder.decode(readFileSync(file)).split("\n") : undefined);
    }
    const lines = linesOf.get(file);
    if (lines === undefined) {
      // The check of the files about to be written reports into them; they were not written (nothing was).
      if (!isOutputCheck(line)) problems.push(`${where}: names a file that is not in the site (${line})`);
      continue;
    }
    const lineNumber = Number(match.line);
    const column = match.column === undefined ? 1 : Number(match.column);
    if (lineNumber < 1 || lineNumber > lines.length) {
      problems.push(`${where}: line ${lineNumber} of a file with ${lines.length} lines (${line})`);
    } else if (column < 1 || column > (lines[lineNumber - 1] as string).length + 1) {
      problems.push(`${where}: column ${column} of a line ${(lines[lineNumber - 1] as string).length} long (${line})`);
    }
  }
  return problems;
}

/** A diagnostic of the output check that a build runs before writing: it names an output file. */
const isOutputCheck = (line: string) => /\.(?:html|xml|json|css|txt)(?::\d+)*  error  .*\[(?:broken-reference|unknown-fragment)\]$/.test(line);

/** A folder's file names and bytes, or "absent". */
const state = (dir: string) => (existsSync(dir) ? snapshot(dir) : "absent");

let scratch: string;
/** An output folder holding a good build of the base site: every seeded case starts from a copy. */
let seedOut: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "daylight-fuzz-"));
  const dir = path.join(scratch, "seed");
  writeSite({ entries: [], flags: [], previous: "none" }, path.join(dir, "site"), path.join(dir, "outside"));
  seedOut = path.join(dir, "dist");
  const seed = await inProcess(["build", "--root", path.join(dir, "site"), "--out", seedOut, "--no-cache"], dir);
  expect(seed.code, seed.output).toBe(0);
  expect(seed.output).not.toMatch(/ (error|warning) /);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** How many builds succeeded and failed, over all cases so far. */
const tally = { built: 0, failed: 0 };

/** Puts `previous` (see fuzz-sites.ts) at the output folder `out`. */
function placePrevious(previous: Previous, out: string): void {
  if (previous === "none") return;
  if (previous === "foreign") {
    mkdirSync(path.join(out, "notes"), { recursive: true });
    writeFileSync(path.join(out, "notes/todo.txt"), "someone's own file");
    return;
  }
  // The seed's output is our link to a slot: copy the site itself, not the link.
  cpSync(seedOut, previous === "between" ? `${out}.previous` : out, { recursive: true, dereference: true });
  if (previous === "staging" || previous === "between") {
    mkdirSync(`${out}.staging/posts`, { recursive: true });
    writeFileSync(`${out}.staging/posts/half-writ`, "a file cut off by a kill");
  }
  if (previous === "damaged") writeFileSync(path.join(out, "daylight-manifest.json"), '{"version": 1, "files": {');
}

/**
 * Builds one site and returns every broken promise (none when all held). `cache` builds with
 * a fresh cache folder instead of --no-cache, and twice: the second build reads the cache and
 * must exit, report and write the same as the first.
 */
async function fuzzOne(spec: SiteSpec, run: Runner, { cache = false, rule }: { cache?: boolean; rule?: string } = {}): Promise<string[]> {
  const dir = mkdtempSync(path.join(scratch, "case-"));
  try {
    const root = path.join(dir, "site");
    const out = path.join(dir, "dist");
    writeSite(spec, root, path.join(dir, "outside"));
    placePrevious(spec.previous, out);
    const cacheFlags = cache ? ["--cache-dir", path.join(dir, "cache")] : ["--no-cache"];
    const argv = ["build", "--root", root, "--out", out, ...cacheFlags, ...spec.flags];
    const problems: string[] = [];
    const folders = [out, `${out}.staging`, `${out}.previous`];
    // The output folders and the cache may change; nothing else beside them.
    const isInput = (name: string) => !/^(?:dist|dist\.generations|dist\.staging|dist\.previous|cache)$/.test(name);
    let first: { code: number | null; diagnostics: string; output: string } | undefined;
    for (const attempt of cache ? [1, 2] : [1]) {
      const [live, staging, retired] = folders.map(state);
      const before = JSON.stringify([live, staging, retired]);
      // The next build cleans up after a killed one, and may do so even when it then fails:
      // the retired generation comes back when the output is missing, the staging folder goes.
      const repaired = JSON.stringify([live === "absent" ? retired : live, "absent", "absent"]);
      const beside = readdirSync(dir).filter(isInput).sort();
      const { code, output } = await run(argv, dir);
      const say = (problem: string) => problems.push(`${cache ? `build ${attempt}: ` : ""}${problem}`);
      // Someone's own files at the output are never replaced without --force: a usage refusal.
      const refused = spec.previous === "foreign" && !spec.flags.includes("--force");
      if (refused ? code !== 2 || !/did not write/.test(output) : code !== 0 && code !== 1) say(`exit code ${code}`);
      for (const sign of crashSigns) if (sign.test(output)) say(`printed ${sign}`);
      for (const problem of positionProblems(output, root)) say(problem);
      if (rule !== undefined && (code !== 1 || !new RegExp(`:\\d+:\\d+  error  .*\\[${rule}\\]`).test(output))) say(`no positioned ${rule} error, exit ${code}`);
      const besideAfter = readdirSync(dir).filter(isInput).sort();
      if (JSON.stringify(besideAfter) !== JSON.stringify(beside)) say(`changed the files beside the output: ${JSON.stringify(besideAfter)}`);
      if (code === 0) {
        tally.built++;
        if (!existsSync(out)) say("exit 0 without an output folder");
        for (const leftover of folders.slice(1)) if (existsSync(leftover)) say(`exit 0 left ${path.basename(leftover)}`);
        if (/  error  /.test(output)) say("exit 0 with an error printed");
        const check = await inProcess(["check", "--out", out], dir);
        if (check.code !== 0) say(`daylight check fails on the new output:\n${check.output}`);
      } else {
        tally.failed++;
        const after = JSON.stringify(folders.map(state));
        if (after !== before && after !== repaired) say("a failed build changed the output folder (or did more than repair a killed build's leftovers)");
        if (code === 1 && !/  error  |^daylight: /m.test(output)) say("exit 1 without saying why");
      }
      // With the same sources, a second build (reading the first one's cache) says and writes the same.
      const diagnostics = output.split("\n").filter((line) => /  (?:error|warning)  /.test(line) && !line.startsWith("daylight  ")).join("\n");
      const written = code === 0 ? JSON.stringify(state(out)) : "";
      if (first && (first.code !== code || first.diagnostics !== diagnostics || first.output !== written)) {
        say(`differs from the first build: exit ${first.code} → ${code}${first.diagnostics === diagnostics ? "" : `, diagnostics:\n${first.diagnostics}\n→\n${diagnostics}`}${first.output === written ? "" : ", output files"}`);
      }
      first = { code, diagnostics, output: written };
      if (problems.length > 0) return [...problems, "output:", output.slice(0, 4000)];
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A post with the usual header and `body` (pieces, so that huge ones print small). */
const post = (file: string, ...body: Piece[]): Entry => ({
  kind: "text",
  path: file,
  pieces: ["!! title: Extreme\n!! published: 2024-06-01\n\n---\n\n", ...body, "\n"],
  encoding: "utf8",
});

const site = (...entries: Entry[]): SiteSpec => ({ entries, flags: [], previous: "seeded" });

/** The base site's config with a render budget of `seconds`. */
const budgetConfig = (seconds: number) =>
  JSON.stringify({ title: "Fuzz", url: "https://example.com/blog/", timezone: "Europe/Berlin", nav: ["about"], renderBudgetSeconds: seconds });

/** The inputs too big to draw at random: each built once, by name. */
const extremes: Record<string, SiteSpec> = {
  "a post with 10,000 links": site(post("posts/links.md", { repeat: "[a](/posts/base-one#setup) [b](./posts/nope#x) ", times: 5000 })),
  "a 1 MB single line": site(post("posts/line.md", { repeat: "word ", times: 200_000 })),
  "a 1 MB line with no space": site(post("posts/solid.md", { repeat: "x", times: 1_000_000 })),
  "blockquotes 5,000 deep": site(post("posts/quotes.md", { repeat: "> ", times: 5000 }, "deep")),
  "a list 5,000 deep": site(post("posts/list.md", { repeat: "- ", times: 5000 }, "deep")),
  "an ordered list 3,000 deep": site(post("posts/ordered.md", { repeat: "1. ", times: 3000 }, "deep")),
  "quotes and lists interleaved 3,000 deep": site(post("posts/mixed.md", { repeat: "> - ", times: 3000 }, "deep")),
  "raw HTML 10,000 deep": site(post("posts/divs.md", { repeat: "<div>", times: 10_000 }, "deep")),
  "emphasis 1,000 deep": site(post("posts/stars.md", { repeat: "*a ", times: 1000 }, { repeat: "b* ", times: 1000 })),
  "10,000 open brackets": site(post("posts/brackets.md", { repeat: "[", times: 10_000 }, "x", { repeat: "](/posts/base-one)", times: 10_000 })),
  "10,000 headings": site(post("posts/headings.md", { repeat: "## Setup\n\n", times: 10_000 })),
  "10,000 citations": site(post("posts/cites.md", { repeat: "(Humble & Farley, 2010) ", times: 10_000 }, "\n\n---\n\n# Resources\n\n1. [Humble & Farley - CD](https://e.com)")),
  "a 100,000-line header": site({ kind: "text", path: "posts/header.md", pieces: [{ repeat: "!! x: y\n", times: 100_000 }, "!! title: t\n!! published: 2024-01-01\n"], encoding: "utf8" }),
  "an unclosed 100,000-line YAML header": site({ kind: "text", path: "posts/yaml.md", pieces: ["---\ntitle: t\n", { repeat: "tags: [a,\n", times: 100_000 }], encoding: "utf8" }),
  "a 1 MB title": site({ kind: "text", path: "posts/title.md", pieces: ["!! title: ", { repeat: "T", times: 1_000_000 }, "\n!! published: 2024-01-01\n\nBody.\n"], encoding: "utf8" }),
  // A worker's stack is larger than the main thread's: it must refuse the same posts.
  "60 posts rendered in worker threads, some thousands deep": site(
    ...Array.from({ length: 60 }, (_, i) => post(`posts/w${i}.md`, `Post ${i} links [to](/posts/w${(i + 1) % 60}).`)),
    post("posts/w-quotes.md", { repeat: "> ", times: 5000 }, "deep"),
    post("posts/w-divs.md", { repeat: "<div>", times: 5000 }, "deep"),
    post("posts/w-list.md", { repeat: "- ", times: 400 }, "deep"),
  ),
  "a folder of 300 empty files": site(...Array.from({ length: 300 }, (_, i): Entry => ({ kind: "text", path: `posts/e${i}.md`, pieces: [""], encoding: "utf8" }))),
  "every symlink at once": site(
    { kind: "link", path: "posts/in.md", target: "base-one.md" },
    { kind: "link", path: "posts/out.md", target: "OUTSIDE/secret.md" },
    { kind: "link", path: "posts/outdir", target: "OUTSIDE/dir" },
    { kind: "link", path: "posts/dangling.md", target: "nothing.md" },
    { kind: "link", path: "posts/loop", target: "." },
    { kind: "link", path: "posts/up", target: ".." },
    { kind: "link", path: "public/out.png", target: "OUTSIDE/secret.png" },
    { kind: "link", path: "public/outdir", target: "OUTSIDE/dir" },
    { kind: "link", path: "public/in.png", target: "images/pic.png" },
    { kind: "link", path: "public/loop", target: "." },
    { kind: "link", path: "posts/img/out.png", target: "OUTSIDE/secret.png" },
    post("posts/uses-links.md", "![in](./img/out.png) ![p](/out.png) ![q](/in.png) [o](/posts/secret)"),
  ),
  "case-only slug collisions": site(post("posts/Foo.md", "a"), post("posts/foo.md", "b"), post("posts/FOO.txt", "c")),
  "a post with 300 tags": site({ kind: "text", path: "posts/tags.md", encoding: "utf8",
    pieces: ["!! title: Tags\n!! published: 2024-06-01\n!! tags: t0", ...Array.from({ length: 299 }, (_, i) => `, t${i + 1}`), "\n\nBody.\n"] }),
  // Indented, so that no one line opens them all: the parse itself takes long (the budget stops it, or the depth check refuses it).
  "cmark's deeply nested lists, 1,000 levels, under a 2 s render budget": site(
    { kind: "text", path: "site.config.json", pieces: [budgetConfig(2)], encoding: "utf8" },
    post("posts/cmark-lists.md", ...Array.from({ length: 1000 }, (_, x) => `${"  ".repeat(x)}* a\n`)),
  ),
  "cmark's many emphasis closers, stopped by a 1 s render budget": site(
    { kind: "text", path: "site.config.json", pieces: [budgetConfig(1)], encoding: "utf8" },
    post("posts/slow.md", { repeat: "a_ ", times: 65_000 }),
  ),
  "a YAML alias bomb": site({ kind: "text", path: "posts/bomb.md", encoding: "utf8", pieces: [
    "---\ntitle: Bomb\ndate: 2024-01-01\nl0: &l0 lol\n",
    ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]\n`),
    "tags: *l9\n---\n\nBody.\n"] }),
  "`---js` front matter that would run code": site({ kind: "text", path: "posts/js.md", encoding: "utf8",
    pieces: ['---js\n{ title: (globalThis.daylightRanJs = "ran", "T"), date: "2024-01-01" }\n---\n\nBody.\n'] }),
  "aliases to files daylight writes": site({ kind: "text", path: "posts/aliases.md", encoding: "utf8",
    pieces: ["!! title: Aliases\n!! published: 2024-06-01\n!! aliases: /daylight-manifest.json, /_redirects, /sitemap.xml, /tags/alpha/feed.xml\n\nBody.\n"] }),
  "config redirects to files daylight writes": site({ kind: "text", path: "site.config.json", encoding: "utf8",
    pieces: ['{"url": "https://example.com/blog/",\n "redirects": {"/_headers": "/posts/base-one/"},\n "gone": ["/feed.json"]}'] }),
};

/** The error some extremes must end with (besides the promises every build keeps). */
const expectedRules: Record<string, string> = {
  "cmark's many emphasis closers, stopped by a 1 s render budget": "render-budget",
  "a YAML alias bomb": "yaml-aliases",
  "`---js` front matter that would run code": "unsupported-front-matter",
  "aliases to files daylight writes": "invalid-field",
  "config redirects to files daylight writes": "config-error",
};

describe("fuzzing the whole build", () => {
  it(`survives ${runs} random sites built in-process`, async () => {
    const before = { ...tally };
    await fc.assert(
      fc.asyncProperty(siteSpec, async (spec) => {
        expect(await fuzzOne(spec, inProcess)).toEqual([]);
      }),
      { ...propertyRuns, numRuns: runs },
    );
    // Both outcomes must be common, or the fuzzer proves little about one of them.
    expect(tally.built - before.built).toBeGreaterThanOrEqual(Math.floor(runs / 10));
    expect(tally.failed - before.failed).toBeGreaterThanOrEqual(Math.floor(runs / 10));
  }, 600_000);

  it("survives random sites built twice with a cache folder, the second saying and writing the same", async () => {
    await fc.assert(
      fc.asyncProperty(siteSpec, async (spec) => {
        expect(await fuzzOne(spec, inProcess, { cache: true })).toEqual([]);
      }),
      { ...propertyRuns, numRuns: Math.ceil(runs / 8) },
    );
  }, 600_000);

  it.each(Object.keys(extremes))("survives %s", async (name) => {
    expect(await fuzzOne(extremes[name] as SiteSpec, inProcess, { rule: expectedRules[name] })).toEqual([]);
    expect((globalThis as { daylightRanJs?: string }).daylightRanJs).toBeUndefined();
  });

  it(`survives ${processRuns} random sites and the extremes in a real process`, async () => {
    const specs = fc.sample(siteSpec, { seed: propertyRuns.seed + 1, numRuns: processRuns });
    const cases: [string, SiteSpec][] = [
      ...specs.map((spec, i): [string, SiteSpec] => [`sample ${i} of seed ${propertyRuns.seed + 1}: ${JSON.stringify(spec).slice(0, 2000)}`, spec]),
      ...["blockquotes 5,000 deep", "60 posts rendered in worker threads, some thousands deep", "every symlink at once",
        "cmark's many emphasis closers, stopped by a 1 s render budget", "a YAML alias bomb", "aliases to files daylight writes"].map((name): [string, SiteSpec] => [name, extremes[name] as SiteSpec]),
    ];
    const failures: string[] = [];
    // Two at a time: a process spends most of its life starting up.
    const queue = [...cases];
    await Promise.all([0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const problems = await fuzzOne(next[1], childProcess);
        if (problems.length > 0) failures.push(`${next[0]}\n${problems.join("\n")}`);
      }
    }));
    expect(failures).toEqual([]);
  }, 300_000);
});
