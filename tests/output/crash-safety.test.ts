import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/model.js";
import { createDiskWriter, SimulatedCrash } from "../../src/output/disk-writer.js";
import { repairOutput } from "../../src/output/repair-output.js";
import { expected, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const oldGen = { "index.html": "old", "posts/a/index.html": "A", "logo.png": "PNG" };
const newGen = { "index.html": "new", "posts/b/index.html": "B", "logo.png": "PNG" };

function filesOf(gen: Record<string, string>, dir: string): OutputFile[] {
  writeFileSync(join(dir, "logo-source.png"), gen["logo.png"] ?? "");
  return Object.entries(gen).map(([path, contents]) =>
    path === "logo.png" ? { path, sourcePath: join(dir, "logo-source.png") } : { path, contents });
}

/** An older generation: with a spare folder, what the spare holds when the killed write starts. */
const olderGen = { "index.html": "older", "posts/a/index.html": "A", "posts/z/index.html": "Z" };

/** The output (and, with `spareRoot`, the spare) before the write under test. */
async function before(firstBuild: boolean, dir: string, spareRoot: string | undefined): Promise<string> {
  const out = join(dir, "dist");
  // With a spare folder, two writes leave one behind: the older generation.
  if (spareRoot) await createDiskWriter(out, { spareRoot }).write(filesOf(olderGen, dir));
  if (spareRoot || !firstBuild) await createDiskWriter(out, { spareRoot }).write(filesOf(oldGen, dir));
  if (firstBuild) rmSync(out, { recursive: true, force: true });
  return out;
}

/** The steps one write goes through, in order, recorded with a hook. */
async function recordSteps(firstBuild: boolean, withSpare: boolean): Promise<string[]> {
  const dir = tempDir();
  const spareRoot = withSpare ? join(dir, "spares") : undefined;
  const out = await before(firstBuild, dir, spareRoot);
  const steps: string[] = [];
  await createDiskWriter(out, { spareRoot, hooks: { afterStep: (step) => void steps.push(step) } }).write(filesOf(newGen, dir));
  return steps;
}

/** A writer that "dies" at the n-th step it reaches, leaving the disk as a kill would. */
const crashingAt = (out: string, n: number, spareRoot: string | undefined) => {
  let seen = 0;
  return createDiskWriter(out, {
    spareRoot,
    hooks: {
      afterStep: (step) => {
        if (seen++ === n) throw new SimulatedCrash(step);
      },
    },
  });
};

describe.each([
  [false, false], [true, false], [false, true], [true, true],
])("a write killed at any step (first build: %s, spare folder: %s)", (firstBuild, withSpare) => {
  it("leaves exactly the old or the new generation after repair, and the next write succeeds", async () => {
    const steps = await recordSteps(firstBuild, withSpare);
    expect(steps).toContain("staging-promoted");
    if (withSpare && !firstBuild) expect(steps).toContain("previous-kept");
    const promotedAt = steps.indexOf("staging-promoted");
    for (const [n, step] of steps.entries()) {
      const dir = tempDir();
      const spareRoot = withSpare ? join(dir, "spares") : undefined;
      const out = await before(firstBuild, dir, spareRoot);
      await expect(crashingAt(out, n, spareRoot).write(filesOf(newGen, dir))).rejects.toBeInstanceOf(SimulatedCrash);

      await repairOutput(out);
      const survivor = n >= promotedAt ? expected(newGen) : firstBuild ? undefined : expected(oldGen);
      expect({ step, n, tree: existsSync(out) ? snapshot(out) : undefined }).toEqual({ step, n, tree: survivor });
      expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);

      await createDiskWriter(out, { spareRoot }).write(filesOf({ ...newGen, "index.html": "newer" }, dir));
      expect(snapshot(out)).toEqual(expected({ ...newGen, "index.html": "newer" }));
    }
  });
});

/** A writer that "dies" right after the first step named `name`. */
const crashingOn = (out: string, name: string) =>
  createDiskWriter(out, {
    hooks: {
      afterStep: (step) => {
        if (step === name) throw new SimulatedCrash(step);
      },
    },
  });

describe.each([
  ["output-retired", oldGen],
  ["staging-promoted", newGen],
  ["previous-detached", newGen],
])("a repair killed at any step, after a write killed at %s", (killedAt, survivor) => {
  it("is finished by the next repair", async () => {
    for (let n = 0; ; n++) {
      const dir = tempDir();
      const out = join(dir, "dist");
      await createDiskWriter(out).write(filesOf(oldGen, dir));
      await expect(crashingOn(out, killedAt).write(filesOf(newGen, dir))).rejects.toBeInstanceOf(SimulatedCrash);
      let seen = 0;
      const repaired = await repairOutput(out, (step) => {
        if (seen++ === n) throw new SimulatedCrash(step);
      }).then(() => true, (error: unknown) => (expect(error).toBeInstanceOf(SimulatedCrash), false));
      await repairOutput(out);
      expect(snapshot(out)).toEqual(expected(survivor));
      expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);
      if (repaired) {
        expect(n).toBeGreaterThan(0);
        break;
      }
    }
  });
});
