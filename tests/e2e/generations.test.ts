import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOutput, runCli, tempDir } from "../support/run-cli.js";

const post = (header: string) => `!! title: Deploys\n${header}!! published: 2025-01-01\n\nText.\n`;

/** A small site of our own to change between builds: one post, its own stylesheet. */
function site(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  mkdirSync(path.join(root, "templates/assets"), { recursive: true });
  writeFileSync(path.join(root, "posts/deploys.md"), post(""));
  writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: black; }\n");
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://example.com/" }));
  return root;
}

const build = (root: string, ...flags: string[]) =>
  runCli(["build", "--root", root, "--out", path.join(root, "dist"), ...flags]);
const stylesheets = (root: string) => readdirSync(path.join(root, "dist/assets")).filter((f) => f.endsWith(".css"));
const manifest = (root: string) =>
  JSON.parse(readFileSync(path.join(root, "dist/daylight-manifest.json"), "utf8")) as {
    generations: { id: string }[];
    urls: Record<string, { status: string }>;
  };

describe("generations", () => {
  it("says when there is no previous generation, and an identical build is the same generation", async () => {
    const root = site();
    expect((await build(root)).out.join("\n")).toMatch(/no previous generation/);
    // A whole build (a repeat build with the cache would answer "nothing changed" without building).
    const again = await build(root, "--no-cache");
    expect(again.out.join("\n")).toMatch(/generation [0-9a-f]{12} unchanged/);
    expect(manifest(root).generations).toHaveLength(1);
  });

  it("keeps the stylesheet that the previous generation's pages reference", async () => {
    const root = site();
    await build(root);
    const [oldCss] = stylesheets(root);
    writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: red; }\n");
    const result = await build(root);
    expect(result.code).toBe(0);
    expect(stylesheets(root)).toHaveLength(2);
    expect(stylesheets(root)).toContain(oldCss);
    expect(manifest(root).generations).toHaveLength(2);
  });

  it("refuses to drop a deployed URL, and accepts an alias that keeps it answering", async () => {
    const root = site();
    await build(root);
    const served = path.join(tempDir(), "www");
    expect((await runCli(["deploy", "--out", path.join(root, "dist"), "--to", served])).code).toBe(0);
    // The deploy records in the built folder's manifest, as in the one it published, that its URLs are live.
    expect(readFileSync(path.join(served, "daylight-manifest.json"), "utf8")).toBe(readFileSync(path.join(root, "dist/daylight-manifest.json"), "utf8"));
    expect(manifest(root)).not.toHaveProperty("unpublished");
    const file = path.join(root, "posts/deploys.md");
    const slug = "deploys";
    writeFileSync(file, post("!! slug: renamed\n"));
    const dropped = await build(root);
    expect(dropped.code).toBe(1);
    expect(dropped.err.join("\n")).toMatch(/\/posts\/deploys\/ was published by a deploy.*\[dropped-url\]/);
    writeFileSync(file, post("!! slug: renamed\n!! aliases: /posts/deploys/\n"));
    const kept = await build(root);
    expect(kept.err.join("\n")).toBe("");
    expect(kept.code).toBe(0);
    expect(readOutput(path.join(root, "dist"), `posts/${slug}/index.html`)).toMatch(/http-equiv="refresh" content="0; url=[^"]*\/posts\/renamed\/"/);
    expect(readOutput(path.join(root, "dist"), "_redirects")).toContain(`/posts/${slug}/ /posts/renamed/ 301`);
    expect(manifest(root).urls[`/posts/${slug}/`]?.status).toBe("redirect");
  });

  it("lets a post that was only ever built locally disappear: local builds lock nothing", async () => {
    const root = site();
    await build(root);
    expect(manifest(root)).toHaveProperty("unpublished", ["/posts/deploys/"]);
    writeFileSync(path.join(root, "posts/deploys.md"), post("!! slug: renamed\n"));
    const rebuilt = await build(root);
    expect(rebuilt.err).toEqual([]);
    expect(rebuilt.code).toBe(0);
    expect(Object.keys(manifest(root).urls)).toEqual(["/posts/renamed/"]);
  });

  it("guards every URL of the live site read with --previous, deployed by daylight or not", async () => {
    const root = site();
    await build(root);
    const live = path.join(tempDir(), "live");
    // Copied as any other tool would publish it: the manifest still lists its URLs as unpublished.
    cpSync(path.join(root, "dist"), live, { recursive: true, dereference: true });
    writeFileSync(path.join(root, "posts/deploys.md"), post("!! slug: renamed\n"));
    const run = await runCli(["build", "--root", root, "--out", path.join(tempDir(), "dist"), "--previous", live]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/\[dropped-url\]/);
  });

  it("takes the previous generation from another folder with --previous (a fresh CI checkout)", async () => {
    const root = site();
    await build(root);
    const live = path.join(tempDir(), "live");
    cpSync(path.join(root, "dist"), live, { recursive: true, dereference: true });
    const [oldCss] = stylesheets(root);
    writeFileSync(path.join(root, "templates/assets/style.css"), "body { color: blue; }\n");
    const fresh = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", root, "--out", fresh, "--previous", live]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(fresh, "assets", oldCss!))).toBe(true);
  });
});
