import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import type { OutputFile } from "../../src/model.js";
import { expected, inode, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const text = (files: Record<string, string>): OutputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

const noLeftovers = (out: string): void => {
  expect(existsSync(`${out}.staging`)).toBe(false);
  expect(existsSync(`${out}.previous`)).toBe(false);
};

describe("createDiskWriter", () => {
  it("writes strings, bytes and copied files into nested folders", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    writeFileSync(join(dir, "logo.png"), "PNG");
    const report = await createDiskWriter(out).write([
      { path: "index.html", contents: "<h1>hi</h1>" },
      { path: "posts/a/index.html", contents: new Uint8Array([104, 105]) },
      { path: "images/logo.png", sourcePath: join(dir, "logo.png") },
    ]);
    expect(snapshot(out)).toEqual(expected({ "images/logo.png": "PNG", "index.html": "<h1>hi</h1>", "posts/a/index.html": "hi" }));
    expect(report).toEqual({ written: 3, unchanged: 0, removed: 0 });
    expect(inode(out, "images/logo.png")).not.toBe(inode(dir, "logo.png"));
    noLeftovers(out);
  });

  it("hard-links unchanged files, rewrites changed ones and drops removed ones", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    writeFileSync(join(dir, "logo.png"), "PNG");
    const writer = createDiskWriter(out);
    const logo = { path: "logo.png", sourcePath: join(dir, "logo.png") };
    await writer.write([...text({ "index.html": "one", "a/index.html": "A", "b/index.html": "B" }), logo]);
    const before = { index: inode(out, "index.html"), a: inode(out, "a/index.html"), logo: inode(out, "logo.png") };

    const report = await writer.write([...text({ "index.html": "two", "a/index.html": "A", "c/index.html": "C" }), logo]);

    expect(snapshot(out)).toEqual(expected({ "a/index.html": "A", "c/index.html": "C", "index.html": "two", "logo.png": "PNG" }));
    expect(inode(out, "a/index.html")).toBe(before.a);
    expect(inode(out, "logo.png")).toBe(before.logo);
    expect(inode(out, "index.html")).not.toBe(before.index);
    expect(report).toEqual({ written: 2, unchanged: 2, removed: 1 });
    noLeftovers(out);
  });

  it("writes nothing new when the same files are written again", async () => {
    const out = join(tempDir(), "dist");
    const files = text({ "index.html": "x", "feed.xml": "<rss/>" });
    await createDiskWriter(out).write(files);
    const first = inode(out, "feed.xml");
    expect(await createDiskWriter(out).write(files)).toEqual({ written: 0, unchanged: 2, removed: 0 });
    expect(inode(out, "feed.xml")).toBe(first);
  });

  it("replaces an output it did not write, stray files included, and a file that became a folder", async () => {
    const out = join(tempDir(), "dist");
    mkdirSync(join(out, "old"), { recursive: true });
    writeFileSync(join(out, "old/stray.txt"), "stray");
    writeFileSync(join(out, "tags"), "a file where a folder goes");
    const report = await createDiskWriter(out).write(text({ "tags/x/index.html": "x" }));
    expect(snapshot(out)).toEqual(expected({ "tags/x/index.html": "x" }));
    expect(report).toEqual({ written: 1, unchanged: 0, removed: 2 });
  });

  it("creates missing parent folders and writes an empty set as an empty folder", async () => {
    const out = join(tempDir(), "a", "b", "site");
    await createDiskWriter(out).write([]);
    expect(snapshot(out)).toEqual({});
  });

  it("writes through a symlinked output folder and keeps the link", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "dist"));
    await createDiskWriter(join(dir, "dist")).write(text({ "index.html": "x" }));
    expect(lstatSync(join(dir, "dist")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real/index.html"), "utf8")).toBe("x");
  });

  it("leaves the output byte for byte untouched and removes staging when a write fails", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    const writer = createDiskWriter(out);
    await writer.write(text({ "index.html": "old", "posts/a/index.html": "A" }));
    const before = snapshot(out);
    const failing = [...text({ "index.html": "new", "posts/b/index.html": "B" }), { path: "x.png", sourcePath: join(dir, "missing.png") }];
    await expect(writer.write(failing)).rejects.toThrow(/ENOENT/);
    expect(snapshot(out)).toEqual(before);
    noLeftovers(out);
  });

  it("fails before touching anything when the output is a file", async () => {
    const out = join(tempDir(), "dist");
    writeFileSync(out, "not a folder");
    await expect(createDiskWriter(out).write(text({ "a.html": "a" }))).rejects.toThrow(/not a folder/);
    expect(readFileSync(out, "utf8")).toBe("not a folder");
    noLeftovers(out);
  });

  it.each([
    "/etc/passwd", "../escape.html", "a/../../b", "a\\b.html", "a\0b", "", "a//b", "./a", "a/", "a/./b",
  ])("rejects the path %j without touching the disk", async (path) => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await expect(createDiskWriter(out).write([{ path, contents: "x" }])).rejects.toThrow(/invalid output path/);
    expect(snapshot(dir)).toEqual({});
  });

  it("rejects a path written twice and a file that another path needs as a folder", async () => {
    const out = join(tempDir(), "dist");
    await expect(createDiskWriter(out).write(text({ a: "1" }).concat(text({ a: "2" })))).rejects.toThrow(/twice/);
    await expect(createDiskWriter(out).write(text({ a: "1", "a/b": "2" }))).rejects.toThrow(/as a folder/);
    expect(existsSync(out)).toBe(false);
  });
});
