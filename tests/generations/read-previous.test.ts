import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planGeneration } from "../../src/generations/plan-generation.js";
import { readPreviousGeneration } from "../../src/generations/read-previous.js";
import { at, config, published, site, textOf, useStaticServer, useTemp, writeTree } from "./generation-fixtures.js";

const temp = useTemp();
const serve = useStaticServer();

/** An output folder holding generation 1 (style aaaaaaaa), as a build would have left it. */
async function firstGeneration(): Promise<string> {
  const dir = join(temp(), "dist");
  const plan = await planGeneration({ files: site("aaaaaaaa"), previous: undefined, config: config(), now: at(0), published: published(["a"]) });
  writeTree(dir, plan.files);
  return dir;
}

const rules = (read: { diagnostics: readonly { rule: string }[] }) => read.diagnostics.map((d) => d.rule);

describe("readPreviousGeneration from a folder", () => {
  it("finds none, without a warning, where there is no folder or no manifest", async () => {
    const dir = temp();
    expect(await readPreviousGeneration({ kind: "dir", dir: join(dir, "missing") })).toEqual({ previous: undefined, diagnostics: [] });
    writeFileSync(join(dir, "index.html"), "old site");
    expect(await readPreviousGeneration({ kind: "dir", dir })).toEqual({ previous: undefined, diagnostics: [] });
  });

  it.each([
    ["corrupt JSON", "{ not json"],
    ["a foreign file", JSON.stringify({ name: "some-package", version: "1.0.0" })],
    ["a newer version", JSON.stringify({ version: 2, baseUrl: "https://example.com/", generations: [], files: {}, urls: {} })],
    ["an unsafe path", JSON.stringify({ version: 1, baseUrl: "https://example.com/", generations: [], files: { "../etc/passwd": { hash: "0123456789abcdef", size: 1, cache: "immutable" } }, urls: {} })],
    ["a bad hash", JSON.stringify({ version: 1, baseUrl: "https://example.com/", generations: [], files: { "a.html": { hash: "xyz", size: 1, cache: "revalidate" } }, urls: {} })],
    ["a bad ledger entry", JSON.stringify({ version: 1, baseUrl: "https://example.com/", generations: [], files: {}, urls: { "/a/": { status: "moved", since: "2025-01-01T00:00:00Z" } } })],
  ])("never trusts %s: a previous-manifest warning, and no previous generation", async (_, text) => {
    const dir = temp();
    writeFileSync(join(dir, "daylight-manifest.json"), text);
    const read = await readPreviousGeneration({ kind: "dir", dir });
    expect(read.previous).toBeUndefined();
    expect(rules(read)).toEqual(["previous-manifest"]);
    expect(read.diagnostics[0]?.severity).toBe("warning");
  });

  it("gives retained files as paths on disk, after checking their bytes", async () => {
    const dir = await firstGeneration();
    const { previous } = await readPreviousGeneration({ kind: "dir", dir });
    const expected = previous?.manifest.files["assets/style.aaaaaaaa.css"];
    expect(expected?.cache).toBe("immutable");
    const loaded = await previous?.loadFile("assets/style.aaaaaaaa.css", expected!);
    expect(loaded).toEqual({ file: { path: "assets/style.aaaaaaaa.css", sourcePath: join(dir, "assets", "style.aaaaaaaa.css") } });
    writeFileSync(join(dir, "assets", "style.aaaaaaaa.css"), "tampered");
    expect(await previous?.loadFile("assets/style.aaaaaaaa.css", expected!)).toHaveProperty("problem");
  });
});

describe("readPreviousGeneration from a URL", () => {
  it("fetches the manifest, then assets on demand, verified against their hashes", async () => {
    const url = await serve(await firstGeneration());
    const { previous, diagnostics } = await readPreviousGeneration({ kind: "url", url });
    expect(diagnostics).toEqual([]);
    expect(previous?.manifest.generations).toHaveLength(1);
    const expected = previous!.manifest.files["assets/style.aaaaaaaa.css"]!;
    const loaded = await previous!.loadFile("assets/style.aaaaaaaa.css", expected);
    expect("file" in loaded && "contents" in loaded.file && Buffer.from(loaded.file.contents).toString()).toBe("body{color:#aaaaaa}");
  });

  it("refuses a tampered asset", async () => {
    const dir = await firstGeneration();
    const url = await serve(dir);
    const { previous } = await readPreviousGeneration({ kind: "url", url });
    writeFileSync(join(dir, "assets", "style.aaaaaaaa.css"), "body{color:#evil0}");
    const loaded = await previous!.loadFile("assets/style.aaaaaaaa.css", previous!.manifest.files["assets/style.aaaaaaaa.css"]!);
    expect(loaded).toEqual({ problem: "its bytes do not match the manifest's hash" });
  });

  it("finds none on a 404, and warns on a corrupt manifest or an unreachable host", async () => {
    const dir = temp();
    mkdirSync(join(dir, "blog"));
    const url = await serve(dir);
    expect(await readPreviousGeneration({ kind: "url", url: `${url}blog` })).toEqual({ previous: undefined, diagnostics: [] });
    writeFileSync(join(dir, "blog", "daylight-manifest.json"), "<html>");
    expect(rules(await readPreviousGeneration({ kind: "url", url: `${url}blog/` }))).toEqual(["previous-manifest"]);
    expect(rules(await readPreviousGeneration({ kind: "url", url: "http://127.0.0.1:1/" }))).toEqual(["previous-manifest"]);
    expect(rules(await readPreviousGeneration({ kind: "url", url: "ftp://example.com/" }))).toEqual(["previous-manifest"]);
  });

  it("carries the old stylesheet into a fresh checkout's build from the live site", async () => {
    const url = await serve(await firstGeneration());
    const { previous } = await readPreviousGeneration({ kind: "url", url });
    const plan = await planGeneration({ files: site("bbbbbbbb"), previous, config: config(), now: at(1), published: published(["a"]) });
    expect(plan.diagnostics).toEqual([]);
    expect(textOf(plan.files, "assets/style.aaaaaaaa.css")).toBe("body{color:#aaaaaa}");
    expect(plan.summary).toMatchObject({ hadPrevious: true, retained: 1, isNew: true });
  });
});
