import { existsSync, writeFileSync } from "node:fs";
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

/** The steps one write goes through, in order, recorded with a hook. */
async function recordSteps(firstBuild: boolean): Promise<string[]> {
  const dir = tempDir();
  const out = join(dir, "dist");
  if (!firstBuild) await createDiskWriter(out).write(filesOf(oldGen, dir));
  const steps: string[] = [];
  await createDiskWriter(out, { hooks: { afterStep: (step) => void steps.push(step) } }).write(filesOf(newGen, dir));
  return steps;
}

/** A writer that "dies" at the n-th step it reaches, leaving the disk as a kill would. */
const crashingAt = (out: string, n: number) => {
  let seen = 0;
  return createDiskWriter(out, {
    concurrency: 1,
    hooks: {
      afterStep: (step) => {
        if (seen++ === n) throw new SimulatedCrash(step);
      },
    },
  });
};

describe.each([false, true])("a write killed at any step (first build: %s)", (firstBuild) => {
  it("leaves exactly the old or the new generation after repair, and the next write succeeds", async () => {
    const steps = await recordSteps(firstBuild);
    expect(steps).toContain("staging-promoted");
    const promotedAt = steps.indexOf("staging-promoted");
    for (const [n, step] of steps.entries()) {
      const dir = tempDir();
      const out = join(dir, "dist");
      if (!firstBuild) await createDiskWriter(out).write(filesOf(oldGen, dir));
      await expect(crashingAt(out, n).write(filesOf(newGen, dir))).rejects.toBeInstanceOf(SimulatedCrash);

      await repairOutput(out);
      const survivor = n >= promotedAt ? expected(newGen) : firstBuild ? undefined : expected(oldGen);
      expect({ step, n, tree: existsSync(out) ? snapshot(out) : undefined }).toEqual({ step, n, tree: survivor });
      expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);

      await createDiskWriter(out).write(filesOf({ ...newGen, "index.html": "newer" }, dir));
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
