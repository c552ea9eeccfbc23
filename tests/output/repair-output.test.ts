import { existsSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskWriter, SimulatedCrash } from "../../src/output/disk-writer.js";
import { removeOldSpares, repairOutput } from "../../src/output/repair-output.js";
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

const manifest = { "daylight-manifest.json": "{}" };
const oldGen = { ...manifest, "index.html": "old", "posts/a/index.html": "A" };
const newFiles = [...Object.entries(manifest).map(([path, contents]) => ({ path, contents })),
  { path: "index.html", contents: "new" }, { path: "posts/b/index.html", contents: "B" }];
const newGen = { ...manifest, "index.html": "new", "posts/b/index.html": "B" };

/** Each state an earlier daylight (staging + previous beside the output) could leave, with what the repair must leave. */
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

const noOldLayout = (out: string) => {
  expect(existsSync(`${out}.staging`)).toBe(false);
  expect(existsSync(`${out}.previous`)).toBe(false);
};

describe("repairOutput, after an earlier daylight", () => {
  it.each(Object.entries(states))("repairs %s", async (_, state) => {
    const out = join(tempDir(), "dist");
    state.make(out);
    await repairOutput(out);
    if (state.after) expect(snapshot(out)).toEqual(expected(state.after));
    else expect(existsSync(out)).toBe(false);
    noOldLayout(out);
  });

  it.each(Object.entries(states))("lets the next write succeed after %s", async (_, state) => {
    const out = join(tempDir(), "dist");
    state.make(out);
    await createDiskWriter(out).write(newFiles);
    expect(snapshot(out)).toEqual(expected(newGen));
    noOldLayout(out);
  });

  it.each(Object.entries(states))("finishes a repair killed at any step, after %s", async (_, state) => {
    for (let n = 0; ; n++) {
      const out = join(tempDir(), "dist");
      state.make(out);
      let seen = 0;
      const finished = await repairOutput(out, (step) => {
        if (seen++ === n) throw new SimulatedCrash(step);
      }).then(() => true, (error: unknown) => (expect(error).toBeInstanceOf(SimulatedCrash), false));
      await repairOutput(out);
      if (state.after) expect(snapshot(out)).toEqual(expected(state.after));
      else expect(existsSync(out)).toBe(false);
      noOldLayout(out);
      if (finished) break;
    }
  });

  it("does nothing to a clean output or a missing one", async () => {
    const dir = tempDir();
    folder(join(dir, "dist"), oldGen);
    await repairOutput(join(dir, "dist"));
    await repairOutput(join(dir, "none"));
    expect(snapshot(dir)).toEqual(expected(Object.fromEntries(Object.entries(oldGen).map(([p, t]) => [`dist/${p}`, t]))));
  });
});

describe("repairOutput never follows or empties what it did not make", () => {
  it.each([
    ["a symlinked previous folder, the output missing", "previous", "link"],
    ["a symlinked staging folder", "staging", "link"],
    ["a previous folder of foreign files", "previous", "foreign"],
    ["a previous file", "previous", "file"],
  ] as const)("refuses %s", async (_, which, kind) => {
    const dir = tempDir();
    const out = join(dir, "dist");
    const victim = join(dir, "victim");
    folder(victim, { "precious.txt": "mine", "sub/deep.txt": "mine too" });
    const leftover = `${out}.${which}`;
    if (kind === "link") symlinkSync(victim, leftover);
    else if (kind === "foreign") folder(leftover, { "notes.txt": "someone's" });
    else writeFileSync(leftover, "a file");
    const before = snapshot(dir);
    await expect(repairOutput(out)).rejects.toThrow(new RegExp(`${leftover.replace(/[.]/g, "\\.")} (is a symlink|holds files daylight did not write|is not a folder)`));
    await expect(createDiskWriter(out).write(newFiles)).rejects.toThrow(/move it away by hand/);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(out)).toBe(false);
  });
});

describe("repairOutput in the slot layout", () => {
  it("finishes a conversion killed between its two renames", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    folder(join(dir, "dist.generations/a"), oldGen);
    symlinkSync("dist.generations/a", join(dir, "dist.generations/.convert-link"));
    await repairOutput(out);
    expect(readlinkSync(out)).toBe("dist.generations/a");
    expect(snapshot(out)).toEqual(expected(oldGen));
    expect(readdirSync(join(dir, "dist.generations"))).toEqual(["a"]);
  });

  it("drops the temporary links of a write killed before its swap", async () => {
    const dir = tempDir();
    const out = join(dir, "dist");
    await createDiskWriter(out).write(newFiles);
    symlinkSync("dist.generations/b", join(dir, "dist.generations/.swap-link"));
    symlinkSync("dist.generations/a", join(dir, "dist.generations/.convert-link"));
    await repairOutput(out);
    expect(readdirSync(join(dir, "dist.generations")).sort()).toEqual([".gitignore", "a"]);
    expect(snapshot(out)).toEqual(expected(newGen));
  });
});

describe("removeOldSpares", () => {
  it("deletes the spare-outputs folder of earlier versions from the cache folder, and follows no symlink", async () => {
    const dir = tempDir();
    folder(join(dir, "cache/spare-outputs/0123456789abcdef"), oldGen);
    folder(join(dir, "cache/ab"), { "x.json": "{}" });
    await removeOldSpares(join(dir, "cache"));
    expect(readdirSync(join(dir, "cache"))).toEqual(["ab"]);
    folder(join(dir, "victim"), { "precious.txt": "mine" });
    symlinkSync(join(dir, "victim"), join(dir, "cache/spare-outputs"));
    await removeOldSpares(join(dir, "cache"));
    expect(snapshot(join(dir, "victim"))).toEqual(expected({ "precious.txt": "mine" }));
    await removeOldSpares(undefined);
  });
});
