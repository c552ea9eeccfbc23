import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCacheDir } from "../../src/cache/check-cache-dir.js";
import { tempDir } from "../support/run-cli.js";

function site() {
  const base = tempDir();
  const root = path.join(base, "site");
  mkdirSync(path.join(root, "posts"), { recursive: true });
  return { base, root, outDir: path.join(root, "dist"), home: path.join(base, "home") };
}

describe("where the build cache may live", () => {
  it("accepts the default folder in the site and folders elsewhere", () => {
    const { base, root, outDir, home } = site();
    expect(checkCacheDir(path.join(root, ".daylight-cache"), { root, outDir, home })).toBeUndefined();
    expect(checkCacheDir(path.join(base, "elsewhere/cache"), { root, outDir, home })).toBeUndefined();
  });

  it("refuses the output folder, anything in it or its scratch folders, and anything around it", () => {
    const { base, root, outDir, home } = site();
    for (const dir of [outDir, path.join(outDir, "c"), `${outDir}.staging`, `${outDir}.previous/c`, root, base, "/", home]) {
      expect(checkCacheDir(dir, { root, outDir, home }), dir).toBeDefined();
    }
  });

  it("refuses input folders, those given by flags too, and sees through symlinks", () => {
    const { base, root, outDir, home } = site();
    const notes = path.join(base, "notes");
    mkdirSync(notes);
    symlinkSync(outDir.replace(/dist$/, ""), path.join(base, "link"));
    mkdirSync(outDir);
    for (const dir of [path.join(root, "posts"), path.join(root, "posts/x"), path.join(root, "public"), notes, path.join(base, "link/dist/c")]) {
      expect(checkCacheDir(dir, { root, outDir, home, inputDirs: [notes] }), dir).toBeDefined();
    }
  });

  it("refuses a file", () => {
    const { base, root, outDir, home } = site();
    writeFileSync(path.join(base, "file"), "x");
    expect(checkCacheDir(path.join(base, "file"), { root, outDir, home })).toMatch(/not a folder/);
  });
});
