import { mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/model.js";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { expected, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const text = (files: Record<string, string>): OutputFile[] =>
  Object.entries(files).map(([path, contents]) => ({ path, contents }));

const gen1 = { "index.html": "one", "posts/a/index.html": "A", "posts/b/index.html": "B", "style.css": "css" };
const gen2 = { "index.html": "two", "posts/a/index.html": "A", "posts/c/index.html": "C", "style.css": "css" };
const gen3 = { "index.html": "three", "posts/a/index.html": "A2", "posts/c/index.html": "C", "tags/x/index.html": "X" };

describe("the idle slot (the generation before the live one)", () => {
  it("holds the generation before the live one, and is what the next write fills", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    const writer = createDiskWriter(out);
    await writer.write(text(gen1));
    await writer.write(text(gen2));
    expect(snapshot(join(dir, "dist.generations/a"))).toEqual(expected(gen1));
    await writer.write(text(gen3));
    expect(snapshot(out)).toEqual(expected(gen3));
    expect(snapshot(join(dir, "dist.generations/b"))).toEqual(expected(gen2));
  });

  it("trusts nothing it finds there", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    const writer = createDiskWriter(out);
    await writer.write(text(gen1));
    await writer.write(text(gen2));
    const idle = join(dir, "dist.generations/a");
    // Damage it every way: stray files and folders, a folder where a file goes, a file
    // where a folder goes, a wrong file under a right name (same size), a symlink out of it.
    writeFileSync(join(idle, "stray.html"), "stray");
    mkdirSync(join(idle, "old/deep"), { recursive: true });
    writeFileSync(join(idle, "old/deep/x.html"), "x");
    unlinkSync(join(idle, "index.html"));
    mkdirSync(join(idle, "index.html"));
    rmSync(join(idle, "posts"), { recursive: true });
    writeFileSync(join(idle, "posts"), "a file where a folder goes");
    writeFileSync(join(dir, "outside.txt"), "outside");
    unlinkSync(join(idle, "style.css"));
    symlinkSync(join(dir, "outside.txt"), join(idle, "style.css"));
    mkdirSync(join(idle, "tags/x"), { recursive: true });
    writeFileSync(join(idle, "tags/x/index.html"), "Y");

    const third = { ...gen3, "style.css": "css" };
    await writer.write(text(third));
    expect(snapshot(out)).toEqual(expected(third));
    expect(readFileSync(join(dir, "outside.txt"), "utf8")).toBe("outside");
  });

  it("a slot that is a symlink is unlinked, never followed", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await createDiskWriter(out).write(text(gen1));
    mkdirSync(join(dir, "victim"));
    writeFileSync(join(dir, "victim/precious.txt"), "mine");
    symlinkSync(join(dir, "victim"), join(dir, "dist.generations/b"));
    await createDiskWriter(out).write(text(gen2));
    expect(snapshot(out)).toEqual(expected(gen2));
    expect(snapshot(join(dir, "victim"))).toEqual(expected({ "precious.txt": "mine" }));
  });

  it("never changes the live output while it is filled", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await createDiskWriter(out).write(text(gen1));
    await createDiskWriter(out).write(text(gen2));
    const live = snapshot(out);
    let seen: Record<string, string> | undefined;
    const writer = createDiskWriter(out, { hooks: { afterStep: (step) => void (step === "staged" && (seen = snapshot(out))) } });
    await writer.write(text(gen3));
    expect(seen).toEqual(live);
  });

  it("writing into the idle slot by hand never changes the live site", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    for (const gen of [gen1, gen2, gen1]) await createDiskWriter(out).write(text(gen));
    const idle = join(dir, "dist.generations/b");
    // The same bytes in both slots; writing into one in place must not show in the other.
    writeFileSync(join(idle, "posts/a/index.html"), "tampered");
    writeFileSync(join(idle, "style.css"), "tampered");
    expect(snapshot(out)).toEqual(expected(gen1));
  });
});
