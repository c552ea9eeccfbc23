import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { repairOutput } from "../../src/output/repair-output.js";
import { expected, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

/** Makes a folder holding exactly `files`. */
function folder(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(path, name, ".."), { recursive: true });
    writeFileSync(join(path, name), text);
  }
}

const oldGen = { "index.html": "old", "posts/a/index.html": "A" };
const newFiles = [{ path: "index.html", contents: "new" }, { path: "posts/b/index.html", contents: "B" }];
const newGen = { "index.html": "new", "posts/b/index.html": "B" };

/** Each leftover state, with what `repairOutput` must leave in the output. */
const states: Record<string, { make(out: string): void; after: Record<string, string> | undefined }> = {
  "stale staging next to the output": {
    make: (out) => (folder(out, oldGen), folder(`${out}.staging`, { "index.html": "half" })),
    after: oldGen,
  },
  "stale staging of a first build": {
    make: (out) => folder(`${out}.staging`, { "posts/x/index.html": "half" }),
    after: undefined,
  },
  "output missing, previous present (killed between the renames)": {
    make: (out) => (folder(`${out}.previous`, oldGen), folder(`${out}.staging`, newGen)),
    after: oldGen,
  },
  "previous alone": { make: (out) => folder(`${out}.previous`, oldGen), after: oldGen },
  "previous next to the output (killed before removing it)": {
    make: (out) => (folder(out, newGen), folder(`${out}.previous`, oldGen)),
    after: newGen,
  },
  "all three": {
    make: (out) => (folder(out, newGen), folder(`${out}.staging`, {}), folder(`${out}.previous`, oldGen)),
    after: newGen,
  },
};

describe("repairOutput", () => {
  it.each(Object.entries(states))("repairs %s", async (_, state) => {
    const out = join(tempDir(), "dist");
    state.make(out);
    await repairOutput(out);
    if (state.after) expect(snapshot(out)).toEqual(expected(state.after));
    else expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.staging`)).toBe(false);
    expect(existsSync(`${out}.previous`)).toBe(false);
  });

  it.each(Object.entries(states))("lets the next write succeed after %s", async (_, state) => {
    const out = join(tempDir(), "dist");
    state.make(out);
    await createDiskWriter(out).write(newFiles);
    expect(snapshot(out)).toEqual(expected(newGen));
    expect(existsSync(`${out}.staging`)).toBe(false);
    expect(existsSync(`${out}.previous`)).toBe(false);
  });

  it("does nothing to a clean output or a missing one", async () => {
    const dir = tempDir();
    folder(join(dir, "dist"), oldGen);
    await repairOutput(join(dir, "dist"));
    await repairOutput(join(dir, "none"));
    expect(snapshot(dir)).toEqual(expected(Object.fromEntries(Object.entries(oldGen).map(([p, t]) => [`dist/${p}`, t]))));
  });
});
