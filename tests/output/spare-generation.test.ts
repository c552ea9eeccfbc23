import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/model.js";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { expected, inode, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const text = (files: Record<string, string>): OutputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

/** The one spare folder under `root` (the writer names it after the output). */
function spareIn(root: string): string | undefined {
  const names = existsSync(root) ? readdirSync(root) : [];
  expect(names.length).toBeLessThanOrEqual(1);
  return names[0] && join(root, names[0]);
}

const gen1 = { "index.html": "one", "posts/a/index.html": "A", "posts/b/index.html": "B", "style.css": "css" };
const gen2 = { "index.html": "two", "posts/a/index.html": "A", "posts/c/index.html": "C", "style.css": "css" };
const gen3 = { "index.html": "three", "posts/a/index.html": "A2", "posts/c/index.html": "C", "tags/x/index.html": "X" };

describe("a disk writer with a spare folder", () => {
  it("keeps the retired generation there and fills it for the next write", async () => {
    const dir = tempDir();
    const [out, spares] = [join(dir, "dist"), join(dir, "cache", "spares")];
    const writer = createDiskWriter(out, { spareRoot: spares });
    await writer.write(text(gen1));
    expect(spareIn(spares)).toBeUndefined(); // a first write retires nothing
    const kept = inode(out, "posts/a/index.html");

    expect(await writer.write(text(gen2))).toEqual({ written: 2, unchanged: 2, removed: 1 });
    expect(snapshot(out)).toEqual(expected(gen2));
    const spare = spareIn(spares)!;
    expect(snapshot(spare)).toEqual(expected(gen1));
    // Unchanged files are the same inode in the output, and in the spare beside it.
    expect(inode(out, "posts/a/index.html")).toBe(kept);
    expect(inode(spare, "posts/a/index.html")).toBe(kept);

    expect(await writer.write(text(gen3))).toEqual({ written: 3, unchanged: 1, removed: 1 });
    expect(snapshot(out)).toEqual(expected(gen3));
    expect(snapshot(spareIn(spares)!)).toEqual(expected(gen2));
    expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);
  });

  it("trusts nothing it finds in the spare folder", async () => {
    const dir = tempDir();
    const [out, spares] = [join(dir, "dist"), join(dir, "spares")];
    const writer = createDiskWriter(out, { spareRoot: spares });
    await writer.write(text(gen1));
    await writer.write(text(gen2));
    const spare = spareIn(spares)!;
    // Damage it every way: stray files and folders, a folder where a file goes, a file
    // where a folder goes, a wrong file under a right name, a symlink out of it.
    writeFileSync(join(spare, "stray.html"), "stray");
    mkdirSync(join(spare, "old/deep"), { recursive: true });
    writeFileSync(join(spare, "old/deep/x.html"), "x");
    unlinkSync(join(spare, "index.html"));
    mkdirSync(join(spare, "index.html"));
    rmSync(join(spare, "posts"), { recursive: true });
    writeFileSync(join(spare, "posts"), "a file where a folder goes");
    writeFileSync(join(dir, "outside.txt"), "outside");
    unlinkSync(join(spare, "style.css"));
    symlinkSync(join(dir, "outside.txt"), join(spare, "style.css"));
    mkdirSync(join(spare, "tags/x"), { recursive: true });
    writeFileSync(join(spare, "tags/x/index.html"), "stale X");

    const third = { ...gen3, "style.css": "css" };
    await writer.write(text(third));
    expect(snapshot(out)).toEqual(expected(third));
    expect(readFileSync(join(dir, "outside.txt"), "utf8")).toBe("outside");
    expect(snapshot(spareIn(spares)!)).toEqual(expected(gen2));
  });

  it("never changes the live output while it fills the spare", async () => {
    const dir = tempDir();
    const [out, spares] = [join(dir, "dist"), join(dir, "spares")];
    await createDiskWriter(out, { spareRoot: spares }).write(text(gen1));
    await createDiskWriter(out, { spareRoot: spares }).write(text(gen2));
    const live = snapshot(out);
    let seen: Record<string, string> | undefined;
    const writer = createDiskWriter(out, {
      spareRoot: spares,
      hooks: { afterStep: (step) => void (step === "staged" && (seen = snapshot(out))) },
    });
    await writer.write(text(gen3));
    expect(seen).toEqual(live);
  });

  it("deletes the retired generation when the spare folder cannot be made", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    writeFileSync(join(dir, "blocked"), "a file where the spare root would go");
    const writer = createDiskWriter(out, { spareRoot: join(dir, "blocked", "spares") });
    await writer.write(text(gen1));
    await writer.write(text(gen2));
    expect(snapshot(out)).toEqual(expected(gen2));
    expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);
  });
});
