import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeManifest } from "../../src/generations/serialize-manifest.js";
import { describeGeneration, planGeneration } from "../../src/generations/plan-generation.js";
import { readPreviousGeneration } from "../../src/generations/read-previous.js";
import { at, buildInto, config, published, site, textOf, useTemp } from "./generation-fixtures.js";

const temp = useTemp();
const build = (dir: string, css: string, now: Date, over = {}) =>
  buildInto(dir, { files: site(css), config: config(over), now, published: published(["a"]) });
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, "daylight-manifest.json"), "utf8"));

describe("generations", () => {
  it("gives identical builds the same id, and makes no new record for them", async () => {
    const dir = join(temp(), "dist");
    const first = await build(dir, "aaaaaaaa", at(0));
    expect(first.summary).toMatchObject({ hadPrevious: false, isNew: true, retained: 0, previousId: undefined });
    expect(describeGeneration(first.summary)).toMatch(/no previous generation/);
    const again = await build(dir, "aaaaaaaa", at(3));
    expect(again.summary).toMatchObject({ hadPrevious: true, isNew: false, generationId: first.summary.generationId });
    expect(again.manifest.generations).toEqual(first.manifest.generations);
    expect(again.manifest.generations[0]?.time).toBe(at(0).toISOString());
    expect(first.summary.generationId).toMatch(/^[0-9a-f]{12}$/);
  });

  it("records its time from `now` only, and the immutable files it published", async () => {
    const plan = await planGeneration({ files: site("aaaaaaaa"), previous: undefined, config: config(), now: at(42), published: published(["a"]) });
    expect(plan.manifest.generations).toEqual([{ id: plan.summary.generationId, time: "2025-04-12T12:00:00.000Z", assets: ["assets/style.aaaaaaaa.css"] }]);
  });

  it("keeps an old stylesheet within keepGenerations, then drops it", async () => {
    const dir = join(temp(), "dist");
    const policy = { keepGenerations: 2, keepDays: 0 };
    await build(dir, "aaaaaaaa", at(0), policy);
    await build(dir, "bbbbbbbb", at(10), policy);
    await build(dir, "cccccccc", at(20), policy);
    expect(existsSync(join(dir, "assets/style.aaaaaaaa.css"))).toBe(true);
    const fourth = await build(dir, "dddddddd", at(30), policy);
    expect(fourth.manifest.generations.map((g) => g.assets[0])).toEqual([
      "assets/style.dddddddd.css", "assets/style.cccccccc.css", "assets/style.bbbbbbbb.css",
    ]);
    expect(existsSync(join(dir, "assets/style.aaaaaaaa.css"))).toBe(false);
    expect(existsSync(join(dir, "assets/style.bbbbbbbb.css"))).toBe(true);
    expect(manifestOf(dir).files["assets/style.bbbbbbbb.css"]).toMatchObject({ cache: "immutable" });
    expect(fourth.summary).toMatchObject({ retained: 2, retainedGenerations: 2 });
  });

  it("keeps an old stylesheet for keepDays after it was replaced, then drops it", async () => {
    const dir = join(temp(), "dist");
    const policy = { keepGenerations: 0, keepDays: 7 };
    await build(dir, "aaaaaaaa", at(0), policy);
    await build(dir, "bbbbbbbb", at(100), policy);
    await build(dir, "bbbbbbbb", at(106.9), policy);
    expect(existsSync(join(dir, "assets/style.aaaaaaaa.css"))).toBe(true);
    const late = await build(dir, "bbbbbbbb", at(107), policy);
    expect(existsSync(join(dir, "assets/style.aaaaaaaa.css"))).toBe(false);
    expect(late.manifest.generations).toHaveLength(1);
    expect(late.diagnostics).toEqual([]);
  });

  it("uses the defaults: 3 generations and 7 days", async () => {
    const dir = join(temp(), "dist");
    const styles = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee"];
    for (const [i, css] of styles.entries()) await build(dir, css, at(i * 30));
    const kept = manifestOf(dir).generations.map((g: { assets: string[] }) => g.assets[0]);
    expect(kept).toEqual(styles.slice(1).reverse().map((css) => `assets/style.${css}.css`));
  });

  it("warns and does not carry an old asset whose bytes changed", async () => {
    const dir = join(temp(), "dist");
    await build(dir, "aaaaaaaa", at(0));
    writeFileSync(join(dir, "assets/style.aaaaaaaa.css"), "tampered");
    const next = await build(dir, "bbbbbbbb", at(1));
    expect(next.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["retained-asset", "warning"]]);
    expect(next.files.some((f) => f.path === "assets/style.aaaaaaaa.css")).toBe(false);
    expect(next.manifest.generations[1]?.assets).toEqual([]);
  });

  it("hands retained files over as paths in the previous output, for the writer to hard-link", async () => {
    const dir = join(temp(), "dist");
    await build(dir, "aaaaaaaa", at(0));
    const { previous } = await readPreviousGeneration({ kind: "dir", dir });
    const plan = await planGeneration({ files: site("bbbbbbbb"), previous, config: config(), now: at(1), published: published(["a"]) });
    expect(plan.files.find((f) => f.path === "assets/style.aaaaaaaa.css")).toEqual({
      path: "assets/style.aaaaaaaa.css", sourcePath: join(dir, "assets", "style.aaaaaaaa.css"),
    });
  });

  it("ignores a previous generation built for another base path", async () => {
    const dir = join(temp(), "dist");
    await build(dir, "aaaaaaaa", at(0));
    const moved = await build(dir, "bbbbbbbb", at(1), { url: "https://example.com/blog/", basePath: "/blog/" });
    expect(moved.diagnostics.map((d) => d.rule)).toEqual(["previous-manifest"]);
    expect(moved.summary.hadPrevious).toBe(false);
  });
});

describe("the manifest", () => {
  it("is byte-identical for two plans of the same input, sorted, indented, newline-terminated", async () => {
    const dir = join(temp(), "dist");
    await build(dir, "aaaaaaaa", at(0));
    const { previous } = await readPreviousGeneration({ kind: "dir", dir });
    const input = { files: site("bbbbbbbb", { b: "B", a: "A" }), previous, config: config(), now: at(1), published: published(["b", "a"]) };
    const one = textOf((await planGeneration(input)).files, "daylight-manifest.json");
    const two = textOf((await planGeneration({ ...input, files: [...input.files].reverse(), published: [...input.published].reverse() })).files, "daylight-manifest.json");
    expect(one).toBe(two);
    expect(one.endsWith("}\n")).toBe(true);
    expect(one).toMatch(/^\{\n {2}"baseUrl": "https:\/\/example.com\/",\n {2}"files": \{/);
    const files = Object.keys(JSON.parse(one).files);
    expect(files).toEqual([...files].sort());
    expect(files).not.toContain("daylight-manifest.json");
    expect(files).toEqual(expect.arrayContaining(["_headers", "_redirects", "assets/style.aaaaaaaa.css"]));
  });

  it("serializes any key order the same way", () => {
    const a = { version: 1, baseUrl: "https://x/", generations: [], files: { b: { size: 1, hash: "h", cache: "revalidate" }, a: { cache: "revalidate", hash: "h", size: 1 } }, urls: {} } as const;
    const b = { urls: {}, files: { a: a.files.a, b: a.files.b }, generations: [], baseUrl: "https://x/", version: 1 } as const;
    expect(serializeManifest(a)).toBe(serializeManifest(b));
  });
});
