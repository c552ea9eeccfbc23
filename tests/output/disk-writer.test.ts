import { closeSync, existsSync, openSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import type { OutputFile } from "../../src/model.js";
import { expected, inode, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const text = (files: Record<string, string>): OutputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

/** Beside the output: the output (our link) and its generations folder, nothing else. */
const noLeftovers = (out: string): void => {
  const name = out.slice(dirname(out).length + 1);
  expect(readdirSync(dirname(out)).filter((entry) => entry.startsWith(name)).sort()).toEqual([name, `${name}.generations`]);
  expect(readdirSync(`${out}.generations`).filter((entry) => !/^(a|b|\.gitignore)$/.test(entry))).toEqual([]);
};

/** The slot the output's link points to. */
const live = (out: string): string => readlinkSync(out);

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
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(live(out)).toBe("dist.generations/a");
    expect(readFileSync(join(out + ".generations", ".gitignore"), "utf8")).toBe("*\n");
    noLeftovers(out);
  });

  it("fills the other slot each time, keeps what that slot already holds, and drops removed files", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    writeFileSync(join(dir, "logo.png"), "PNG");
    const writer = createDiskWriter(out);
    const logo = { path: "logo.png", sourcePath: join(dir, "logo.png") };
    const gen1 = [...text({ "index.html": "one", "a/index.html": "A", "b/index.html": "B" }), logo];
    const gen2 = [...text({ "index.html": "two", "a/index.html": "A", "c/index.html": "C" }), logo];
    await writer.write(gen1);
    expect(await writer.write(gen2)).toEqual({ written: 4, unchanged: 0, removed: 1 });
    expect(live(out)).toBe("dist.generations/b");
    const slotA = join(`${out}.generations`, "a");
    const kept = inode(slotA, "a/index.html");
    // A reader that opened the old page (served before the last swap) keeps its bytes: changed files are replaced, never written in place.
    const reader = openSync(join(slotA, "index.html"), "r");

    // The third write fills slot a again: it held gen1, so only what differs from gen1 is written.
    const report = await writer.write([...text({ "index.html": "three", "a/index.html": "A", "c/index.html": "C" }), logo]);

    expect(live(out)).toBe("dist.generations/a");
    expect(snapshot(out)).toEqual(expected({ "a/index.html": "A", "c/index.html": "C", "index.html": "three", "logo.png": "PNG" }));
    expect(inode(out, "a/index.html")).toBe(kept);
    expect(readFileSync(reader, "utf8")).toBe("one");
    closeSync(reader);
    expect(report).toEqual({ written: 2, unchanged: 2, removed: 0 });
    noLeftovers(out);
  });

  it("never shares an inode between the two slots", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    writeFileSync(join(dir, "logo.png"), "PNG");
    const files = [...text({ "index.html": "x", "a/index.html": "A" }), { path: "logo.png", sourcePath: join(dir, "logo.png") }];
    for (let i = 0; i < 3; i++) await createDiskWriter(out).write(files);
    const [a, b] = ["a", "b"].map((slot) => join(`${out}.generations`, slot));
    for (const path of ["index.html", "a/index.html", "logo.png"]) {
      expect(inode(a!, path)).not.toBe(inode(b!, path));
      expect(lstatSync(join(a!, path)).nlink).toBe(1);
    }
  });

  it("converts an output folder an earlier daylight wrote into the slot layout", async () => {
    const out = join(tempDir(), "dist");
    mkdirSync(join(out, "old"), { recursive: true });
    writeFileSync(join(out, "daylight-manifest.json"), "{}");
    writeFileSync(join(out, "old/stray.txt"), "stray");
    writeFileSync(join(out, "tags"), "a file where a folder goes");
    const report = await createDiskWriter(out).write(text({ "tags/x/index.html": "x" }));
    expect(snapshot(out)).toEqual(expected({ "tags/x/index.html": "x" }));
    expect(report).toEqual({ written: 1, unchanged: 0, removed: 3 });
    expect(live(out)).toBe("dist.generations/b");
    noLeftovers(out);
  });

  it("converts an empty output folder", async () => {
    const out = join(tempDir(), "dist");
    mkdirSync(out);
    await createDiskWriter(out).write(text({ "index.html": "x" }));
    expect(snapshot(out)).toEqual(expected({ "index.html": "x" }));
    noLeftovers(out);
  });

  it("refuses, untouched, an output folder holding files daylight did not write", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(createDiskWriter(out).write(text({ "index.html": "x" }))).rejects.toThrow(/files daylight did not write/);
    expect(snapshot(dir)).toEqual(expected({ "dist/notes.txt": "mine" }));
    // Unless told to (--force): then it is replaced like any other.
    await createDiskWriter(out, { replaceForeign: true }).write(text({ "index.html": "x" }));
    expect(snapshot(out)).toEqual(expected({ "index.html": "x" }));
  });

  it("finds its output again through a copied link (cp -r copies our link with an absolute target)", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await createDiskWriter(out).write(text({ "index.html": "one" }));
    symlinkSync(join(dir, "dist.generations/a"), join(dir, "copy"));
    await createDiskWriter(join(dir, "copy")).write(text({ "index.html": "two" }));
    expect(live(out)).toBe("dist.generations/b");
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("two");
    expect(readdirSync(dir).sort()).toEqual(["copy", "dist", "dist.generations"]);
  });

  it("refuses an output inside another output's generations folder", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await createDiskWriter(out).write(text({ "index.html": "one" }));
    const before = snapshot(dir);
    for (const inside of [join(dir, "dist.generations/a"), join(dir, "dist.generations/b/sub"), join(out, "sub")]) {
      await expect(createDiskWriter(inside).write(text({ "index.html": "x" }))).rejects.toThrow(/inside .*dist\.generations, which the builds of/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a generations folder that is a symlink, and a dangling link at the output", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "elsewhere"));
    symlinkSync(join(dir, "elsewhere"), join(dir, "dist.generations"));
    await expect(createDiskWriter(join(dir, "dist")).write(text({ "index.html": "x" }))).rejects.toThrow(/is a symlink/);
    expect(readdirSync(join(dir, "elsewhere"))).toEqual([]);
    symlinkSync(join(dir, "nowhere"), join(dir, "site"));
    await expect(createDiskWriter(join(dir, "site")).write(text({ "index.html": "x" }))).rejects.toThrow(/symlink to .*nowhere/);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("creates missing parent folders and writes an empty set as an empty folder", async () => {
    const out = join(tempDir(), "a", "b", "site");
    await createDiskWriter(out).write([]);
    expect(snapshot(out)).toEqual({});
  });

  it("writes through a user's symlink to the output folder and keeps the link", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "dist"));
    await createDiskWriter(join(dir, "dist")).write(text({ "index.html": "x" }));
    expect(lstatSync(join(dir, "dist")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real/index.html"), "utf8")).toBe("x");
    // The empty folder became slot a; the site went into slot b.
    expect(readlinkSync(join(dir, "real"))).toBe("real.generations/b");
  });

  it("leaves the output byte for byte untouched when a write fails", async () => {
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

  it("takes its half-made slot with it when a first write fails", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await expect(createDiskWriter(out).write([{ path: "x.png", sourcePath: join(dir, "missing.png") }])).rejects.toThrow(/ENOENT/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(`${out}.generations`)).toEqual([".gitignore"]);
  });

  it("fails before touching anything when the output is a file", async () => {
    const out = join(tempDir(), "dist");
    writeFileSync(out, "not a folder");
    await expect(createDiskWriter(out).write(text({ "a.html": "a" }))).rejects.toThrow(/not a folder/);
    expect(readFileSync(out, "utf8")).toBe("not a folder");
    expect(existsSync(`${out}.generations`)).toBe(false);
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
