import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, snapshot, tempDir } from "../support/run-cli.js";

/** A one-post site with `public/<name>` holding `contents`. */
function siteWithPublicFile(name: string, contents: string): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  mkdirSync(path.dirname(path.join(root, "public", name)), { recursive: true });
  writeFileSync(path.join(root, "posts/a.md"), "!! title: A\n!! published: 2024-01-01\n!! tags: t\n\nText.\n");
  writeFileSync(path.join(root, "public", name), contents);
  return root;
}

describe("a public file that takes the name of a file daylight writes", () => {
  it("public/daylight-manifest.json is an output-collision error, and the output is left alone", async () => {
    // Found by the build fuzzer: the writer refused the duplicate path with an exception,
    // and the build crashed with a stack trace and exit code 70.
    const root = siteWithPublicFile("daylight-manifest.json", "{}");
    const out = path.join(tempDir(), "dist");
    mkdirSync(out);
    writeFileSync(path.join(out, "index.html"), "previous");
    writeFileSync(path.join(out, "daylight-manifest.json"), "{}"); // a build's, so not refused up front
    const before = snapshot(out);
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://example.com/", "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/public\/daylight-manifest\.json would replace daylight-manifest\.json, which daylight writes itself {2}\[output-collision\]/);
    expect(snapshot(out)).toEqual(before);
  });

  it.each([
    ["posts", "posts"],
    ["assets", "assets"],
    ["tags", "tags"],
    ["_headers/x", "_headers"],
    ["daylight-manifest.json/x", "daylight-manifest.json"],
  ])("public/%s, a file where the output needs a folder, is an output-collision error", async (name, folder) => {
    // Found by the build fuzzer: the writer refused "posts is a file but posts/a/index.html
    // needs it as a folder" with an exception, and the build crashed with exit code 70.
    const root = siteWithPublicFile(name, "x");
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://example.com/", "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(new RegExp(`two sources clash at ${folder.replace(".", "\\.")}: .* \\[output-collision\\]`));
  });

  it("public/_headers is still merged into the generated one", async () => {
    const root = siteWithPublicFile("_headers", "/x\n  X-Test: 1\n");
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://example.com/", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(snapshot(out)["_headers"]).toBeDefined();
  });
});

describe("two page bundles with the same file", () => {
  /** Two bundles, each with its own `cover.png`: the same bytes, or different ones. */
  function bundles(sameBytes: boolean): string {
    const root = tempDir();
    for (const [name, day] of [["a", "01"], ["b", "02"]] as const) {
      mkdirSync(path.join(root, "posts", name), { recursive: true });
      writeFileSync(path.join(root, "posts", name, "index.md"), `---\ntitle: ${name}\ndate: 2024-01-${day}\n---\n![cover](cover.png)\n`);
      writeFileSync(path.join(root, "posts", name, "cover.png"), sameBytes ? "the same bytes" : `bytes of ${name}`);
    }
    return root;
  }

  it("publishes one file when name and bytes are the same, never an output-collision", async () => {
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", bundles(true), "--out", out, "--base-url", "https://example.com/", "--no-cache"]);
    expect(run.err.join("\n")).not.toContain("output-collision");
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(out)).filter((file) => file.startsWith("assets/cover."))).toHaveLength(1);
  });

  it("publishes two files when the bytes differ", async () => {
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", bundles(false), "--out", out, "--base-url", "https://example.com/", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(out)).filter((file) => file.startsWith("assets/cover."))).toHaveLength(2);
  });
});
