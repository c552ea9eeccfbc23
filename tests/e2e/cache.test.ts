import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, repoRoot, runCli, snapshot, tempDir } from "../support/run-cli.js";
import { decodeEntry } from "../../src/cache/entry-codec.js";

const baseUrl = ["--base-url", "https://example.com/blog/"];

/** Builds `root` into a fresh output folder (so no URL ledger carries over), with the given cache flags. */
async function build(root: string, ...flags: string[]) {
  const out = path.join(tempDir(), "dist");
  const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl, ...flags]);
  return { out, run, files: snapshot(out) };
}

/** `build` with other environment variables (a later SOURCE_DATE_EPOCH). */
async function buildAt(root: string, env: NodeJS.ProcessEnv, ...flags: string[]) {
  const out = path.join(tempDir(), "dist");
  const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl, ...flags], env);
  expect(run.code, run.err.join("\n")).toBe(0);
  return { out, run, files: snapshot(out) };
}

/** Every cache entry file: name → inode (a rewritten entry is a new file, renamed into place). */
function entries(cacheDir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const shard of existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => /^[0-9a-f]{2}$/.test(n)) : []) {
    for (const name of readdirSync(path.join(cacheDir, shard)).filter((n) => n.endsWith(".json"))) {
      found.set(path.join(shard, name), statSync(path.join(cacheDir, shard, name)).ino);
    }
  }
  return found;
}

/** Every entry file whose bytes contain `text` (a post's rendering, its page, the pages and feeds that show it). */
function entriesHolding(cacheDir: string, text: string): string[] {
  const names = [...entries(cacheDir).keys()].filter((name) => readFileSync(path.join(cacheDir, name), "utf8").includes(text));
  expect(names.length, text).toBeGreaterThan(1);
  return names;
}

/** The rendered post (not a page or feed) whose text holds `text`. */
function renderHolding(cacheDir: string, text: string): string {
  const names = entriesHolding(cacheDir, text).filter((name) => readFileSync(path.join(cacheDir, name), "utf8").includes('"linkReads"'));
  expect(names, text).toHaveLength(1);
  return names[0]!;
}

/** Files in shard folders that are not entries. */
function strayFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((n) => /^[0-9a-f]{2}$/.test(n)).flatMap((shard) =>
    lstatSync(path.join(cacheDir, shard)).isDirectory()
      ? readdirSync(path.join(cacheDir, shard)).filter((n) => !/^[0-9a-f]{64}\.json$/.test(n)).map((n) => `${shard}/${n}`)
      : [shard]);
}

/** The entry file of the rendered post whose links name `slug`. */
function entryLinkingTo(cacheDir: string, slug: string): string {
  const names = [...entries(cacheDir).keys()].filter((name) => {
    const value = decodeEntry(readFileSync(path.join(cacheDir, name), "utf8"))?.value as {
      rendered?: { postLinks?: { slug: string }[] };
    };
    return value.rendered?.postLinks?.some((link) => link.slug === slug);
  });
  expect(names).toHaveLength(1);
  return names[0]!;
}

/** What a user sees besides the timing: the diagnostics, in order. */
const reported = (run: { err: string[] }) => run.err.join("\n");

/** A small site: a links to b#setup, b has that heading, c stands alone. */
function crossLinkedSite(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "Links" }));
  writePost(root, "a", "See [the setup](./posts/b#setup) first.");
  writePost(root, "b", "## Setup\n\nInstall it.\n\n## Use\n\nRun it.");
  writePost(root, "c", "Nothing to see.\n\n```js\nconst x = 1;\n```");
  return root;
}

function writePost(root: string, name: string, body: string, slug = name): void {
  writeFileSync(path.join(root, "posts", `${name}.md`), `!! title: Post ${name}\n!! slug: ${slug}\n!! published: 2024-01-0${name.charCodeAt(0) - 96}\n\n---\n\n${body}\n`);
}

describe("the build cache", () => {
  it("gives the sample blog byte-identical output cold, on a first cached build and on a warm one that renders nothing", async () => {
    const cacheDir = path.join(tempDir(), "cache");
    const cold = await build(repoRoot, "--no-cache");
    const first = await build(repoRoot, "--cache-dir", cacheDir);
    const stored = entries(cacheDir);
    const warm = await build(repoRoot, "--cache-dir", cacheDir);
    expect([first.run.code, warm.run.code]).toEqual([0, 0]);
    expect(first.files).toEqual(cold.files);
    expect(warm.files).toEqual(cold.files);
    expect(reported(warm.run)).toBe(reported(cold.run));
    // Every entry was read, none rewritten: nothing rendered again.
    expect(stored.size).toBeGreaterThan(10);
    expect(entries(cacheDir)).toEqual(stored);
  });

  it("gives a site with cross-links byte-identical output and the same warnings cold and warm", async () => {
    const root = tempDir();
    cpSync(path.join(fixturesDir, "links"), root, { recursive: true });
    // The fixture's broken post link is an error by default: lowered, the site builds and is cached.
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ rules: { "broken-post-link": "warning" } }));
    const cacheDir = path.join(root, ".daylight-cache");
    const cold = await build(root, "--no-cache");
    await build(root);
    const warm = await build(root);
    expect(warm.files).toEqual(cold.files);
    expect(reported(warm.run)).toMatch(/\[unknown-fragment\]/);
    expect(reported(warm.run)).toBe(reported(cold.run));
    expect(entries(cacheDir).size).toBeGreaterThan(0);
  });

  it("reports unknown-fragment for A when B drops the heading A links to, exactly as a cold build does, without rendering A again", async () => {
    const root = crossLinkedSite();
    const cacheDir = path.join(root, ".daylight-cache");
    const clean = await build(root);
    expect(reported(clean.run)).toBe("");
    const entryOfA = entryLinkingTo(cacheDir, "b");
    const inode = entries(cacheDir).get(entryOfA);

    writePost(root, "b", "## Install\n\nInstall it.\n\n## Use\n\nRun it.");
    const warm = await build(root);
    const cold = await build(root, "--no-cache");
    expect(reported(warm.run)).toMatch(/^posts\/a\.md:7:5 {2}warning .*\[unknown-fragment\]/);
    expect(reported(warm.run)).toBe(reported(cold.run));
    expect(warm.files).toEqual(cold.files);
    // A's rendering came from the cache: the fragment check runs on every build, cached or not.
    expect(entries(cacheDir).get(entryOfA)).toBe(inode);
  });

  it("renders A again when B changes its slug (A's link reads changed)", async () => {
    const root = crossLinkedSite();
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "Links", rules: { "broken-post-link": "warning" } }));
    const cacheDir = path.join(root, ".daylight-cache");
    await build(root);
    const before = entryLinkingTo(cacheDir, "b");

    writePost(root, "b", "## Setup\n\nInstall it.", "b-renamed");
    const warm = await build(root);
    const cold = await build(root, "--no-cache");
    expect(reported(warm.run)).toMatch(/^posts\/a\.md:7:5 {2}warning .*\[broken-post-link\]/);
    expect(reported(warm.run)).toBe(reported(cold.run));
    expect(warm.files).toEqual(cold.files);
    // Same source, same key: the entry was rewritten with the new rendering (a new file).
    expect(entries(cacheDir).get(before)).not.toBe(undefined);
    const stored = decodeEntry(readFileSync(path.join(cacheDir, before), "utf8"))?.value as { rendered: { diagnostics: { rule: string }[] } };
    expect(stored.rendered.diagnostics[0]!.rule).toBe("broken-post-link");
  });

  it("renders everything again after a config change, and prunes what the new build did not use", async () => {
    const root = crossLinkedSite();
    const cacheDir = path.join(root, ".daylight-cache");
    await build(root);
    const before = new Set(entries(cacheDir).keys());
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "Links", timezone: "Asia/Tokyo" }));
    const warm = await build(root);
    const cold = await build(root, "--no-cache");
    expect(warm.files).toEqual(cold.files);
    const after = [...entries(cacheDir).keys()];
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((name) => before.has(name))).toEqual([]);
  });

  it("ignores a corrupted entry with one cache-entry warning, builds byte-identically and rewrites it", async () => {
    const root = crossLinkedSite();
    const cacheDir = path.join(root, ".daylight-cache");
    const cold = await build(root, "--no-cache");
    await build(root);
    const [first, second] = [...entries(cacheDir).keys()];
    writeFileSync(path.join(cacheDir, first!), "\u0000garbage{");
    writeFileSync(path.join(cacheDir, second!), JSON.stringify({ format: "daylight-cache-entry/1", identity: "other", key: "x", value: 1 }));
    const warm = await build(root, "--strict");
    expect(warm.run.code).toBe(0);
    expect(warm.run.err.filter((line) => line.includes("[cache-entry]"))).toHaveLength(1);
    expect(warm.run.err.filter((line) => /  (warning|error)  /.test(line))).toHaveLength(1);
    expect(warm.files).toEqual(cold.files);
    expect(decodeEntry(readFileSync(path.join(cacheDir, first!), "utf8"))).toBeDefined();
    expect((await build(root)).run.err).toEqual([]);
  });

  describe("never trusts a damaged cache: one line, the right output, the cache mended, the next build quiet", () => {
    /** Damages the cache of `root` after a first cached build; returns what must be rewritten. */
    type Damage = (cacheDir: string) => { rewritten: string[]; rule: "cache-entry" | "cache-repair" };
    const cases: Record<string, Damage> = {
      "four letters changed, same length, in every entry that shows a post (its rendering, pages, feeds)": (cacheDir) => {
        const names = entriesHolding(cacheDir, "Nothing to see");
        for (const name of names) {
          const text = readFileSync(path.join(cacheDir, name), "utf8");
          writeFileSync(path.join(cacheDir, name), text.replaceAll("Nothing to see", "Hacking to see"));
          expect(readFileSync(path.join(cacheDir, name)).length).toBe(Buffer.byteLength(text));
        }
        return { rewritten: names, rule: "cache-entry" };
      },
      "truncated entries": (cacheDir) => {
        const names = entriesHolding(cacheDir, "Nothing to see");
        for (const name of names) {
          const text = readFileSync(path.join(cacheDir, name), "utf8");
          writeFileSync(path.join(cacheDir, name), text.slice(0, text.length - 20));
        }
        return { rewritten: names, rule: "cache-entry" };
      },
      "an entry swapped with another entry's file (a valid checksum, the wrong key)": (cacheDir) => {
        const [victim, other] = [renderHolding(cacheDir, "Nothing to see"), renderHolding(cacheDir, "Install it")];
        writeFileSync(path.join(cacheDir, victim), readFileSync(path.join(cacheDir, other)));
        return { rewritten: [victim], rule: "cache-entry" };
      },
      "a shard folder replaced by a file": (cacheDir) => {
        const name = renderHolding(cacheDir, "Nothing to see");
        const shard = path.join(cacheDir, path.dirname(name));
        const inShard = [...entries(cacheDir).keys()].filter((entry) => path.dirname(entry) === path.dirname(name));
        rmSync(shard, { recursive: true });
        writeFileSync(shard, "a file where a folder was");
        return { rewritten: inShard, rule: "cache-repair" };
      },
      "temporary files left by a killed write": (cacheDir) => {
        const name = renderHolding(cacheDir, "Nothing to see");
        writeFileSync(path.join(cacheDir, path.dirname(name), `.${path.basename(name, ".json")}.a1b2c3.tmp`), "half an ent");
        return { rewritten: [], rule: "cache-repair" };
      },
    };
    for (const [what, damage] of Object.entries(cases)) {
      it(what, async () => {
        const root = crossLinkedSite();
        const cacheDir = path.join(root, ".daylight-cache");
        const cold = await build(root, "--no-cache");
        await build(root);
        const before = entries(cacheDir);
        const { rewritten, rule } = damage(cacheDir);
        const warm = await build(root);
        expect(warm.run.code).toBe(0);
        expect(warm.files).toEqual(cold.files);
        expect(warm.run.err.filter((line) => /\S/.test(line)), "one line, the only one").toEqual([expect.stringMatching(new RegExp(`\\[${rule}\\]$`))]);
        const after = entries(cacheDir);
        // Every damaged entry is there again, as a new file; the others were not touched.
        for (const name of rewritten) expect(after.get(name), name).not.toBe(before.get(name));
        for (const name of rewritten) expect(decodeEntry(readFileSync(path.join(cacheDir, name)))?.value, name).toBeDefined();
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        expect(strayFiles(cacheDir)).toEqual([]);
        const next = await build(root);
        expect(next.run.err).toEqual([]);
        expect(next.files).toEqual(cold.files);
      });
    }
  });

  it("gives a warm build the cold build's site when only the time or the theme changed", async () => {
    const root = crossLinkedSite();
    // Scheduled after the tests' fixed "now" (2027-01-15), before the later one (2030).
    writeFileSync(path.join(root, "posts", "d.md"), "!! title: Post d\n!! slug: d\n!! published: 2027-06-01\n\n---\n\nComing soon.\n");
    const later = { SOURCE_DATE_EPOCH: "1900000000" };
    const now = await build(root);
    expect(Object.keys(now.files).some((file) => file.startsWith("posts/d/"))).toBe(false);
    const warmLater = await buildAt(root, later);
    const coldLater = await buildAt(root, later, "--no-cache");
    expect(Object.keys(warmLater.files).some((file) => file.startsWith("posts/d/"))).toBe(true);
    expect(warmLater.files).toEqual(coldLater.files);

    cpSync(path.join(repoRoot, "templates"), path.join(root, "templates"), { recursive: true });
    const post = path.join(root, "templates", "post.liquid");
    writeFileSync(post, readFileSync(post, "utf8").replace("</article>", "<p>theme edited</p></article>"));
    const warmTheme = await buildAt(root, later);
    const coldTheme = await buildAt(root, later, "--no-cache");
    expect(Object.values(warmTheme.files).some((base64) => Buffer.from(base64, "base64").toString("utf8").includes("theme edited"))).toBe(true);
    expect(warmTheme.files).toEqual(coldTheme.files);
  });

  it("creates no cache folder with --no-cache", async () => {
    const root = crossLinkedSite();
    const { run } = await build(root, "--no-cache");
    expect(run.code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(["posts", "site.config.json"]);
  });

  it("puts the cache where --cache-dir says, relative to where the command was typed", async () => {
    const root = crossLinkedSite();
    const cwd = tempDir();
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl, "--cache-dir", "caches/site"], { INIT_CWD: cwd });
    expect(run.code).toBe(0);
    expect(entries(path.join(cwd, "caches/site")).size).toBeGreaterThan(0);
    expect(existsSync(path.join(root, ".daylight-cache"))).toBe(false);
  });

  it("never keeps the cache inside the output folder or its scratch folders", async () => {
    const root = crossLinkedSite();
    const out = path.join(tempDir(), "dist");
    for (const cacheDir of [out, path.join(out, "cache"), `${out}.staging/cache`, path.dirname(out), path.join(root, "posts")]) {
      const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl, "--cache-dir", cacheDir]);
      expect(run.code, cacheDir).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
    const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl]);
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(out)).filter((file) => /daylight-cache|CACHEDIR|^[0-9a-f]{2}\//.test(file))).toEqual([]);
    expect((await runCli(["build", "--root", root, "--no-cache", "--cache-dir", "x"])).code).toBe(2);
  });
});
