import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/model.js";
import { createDiskWriter, SimulatedCrash } from "../../src/output/disk-writer.js";
import { repairOutput } from "../../src/output/repair-output.js";
import { expected, snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const manifest = { "daylight-manifest.json": "{}" };
const olderGen = { ...manifest, "index.html": "older", "posts/a/index.html": "A", "posts/z/index.html": "Z" };
const oldGen = { ...manifest, "index.html": "old", "posts/a/index.html": "A", "logo.png": "PNG" };
const newGen = { ...manifest, "index.html": "new", "posts/b/index.html": "B", "logo.png": "PNG" };

function filesOf(gen: Record<string, string>, dir: string): OutputFile[] {
  writeFileSync(join(dir, "logo-source.png"), gen["logo.png"] ?? "");
  return Object.entries(gen).map(([path, contents]) =>
    path === "logo.png" ? { path, sourcePath: join(dir, "logo-source.png") } : { path, contents });
}

/** What the output is before the write under test. */
type Start = "first build" | "second build" | "both slots used" | "an earlier daylight's real folder";

async function before(start: Start, dir: string): Promise<string> {
  const out = join(dir, "dist");
  if (start === "an earlier daylight's real folder") {
    for (const [path, text] of Object.entries(oldGen)) {
      mkdirSync(join(out, path, ".."), { recursive: true });
      writeFileSync(join(out, path), text);
    }
  }
  if (start === "both slots used") await createDiskWriter(out).write(filesOf(olderGen, dir));
  if (start === "second build" || start === "both slots used") await createDiskWriter(out).write(filesOf(oldGen, dir));
  return out;
}

/** The steps one write goes through, in order, recorded with a hook. */
async function recordSteps(start: Start): Promise<string[]> {
  const dir = tempDir();
  const out = await before(start, dir);
  const steps: string[] = [];
  await createDiskWriter(out, { hooks: { afterStep: (step) => void steps.push(step) } }).write(filesOf(newGen, dir));
  return steps;
}

/** A writer that "dies" at the n-th step it reaches, leaving the disk as a kill would. */
const crashingAt = (out: string, n: number) => {
  let seen = 0;
  return createDiskWriter(out, {
    hooks: {
      afterStep: (step) => {
        if (seen++ === n) throw new SimulatedCrash(step);
      },
    },
  });
};

/** Only the output and its generations folder beside it, and only the slots inside that. */
function expectNoLeftovers(dir: string): void {
  expect(readdirSync(dir).filter((name) => name.startsWith("dist")).sort()).toEqual(["dist", "dist.generations"]);
  expect(readdirSync(join(dir, "dist.generations")).sort()).toEqual([".gitignore", "a", "b"]);
}

describe.each<Start>(["first build", "second build", "both slots used", "an earlier daylight's real folder"])(
  "a write killed at any step (%s)",
  (start) => {
    it("leaves the old or the new site at the output at every moment, and the next write succeeds", async () => {
      const steps = await recordSteps(start);
      expect(steps).toContain("swapped");
      const swappedAt = steps.indexOf("swapped");
      for (const [n, step] of steps.entries()) {
        const dir = tempDir();
        const out = await before(start, dir);
        await expect(crashingAt(out, n).write(filesOf(newGen, dir))).rejects.toBeInstanceOf(SimulatedCrash);

        const survivor = n >= swappedAt ? expected(newGen) : start === "first build" ? undefined : expected(oldGen);
        // Right after the kill, before any repair: only the one-time conversion has a moment without an output.
        const gap = step === "output-moved";
        expect({ step, tree: existsSync(out) ? snapshot(out) : undefined }).toEqual({ step, tree: gap ? undefined : survivor });
        await repairOutput(out);
        expect({ step, n, tree: existsSync(out) ? snapshot(out) : undefined }).toEqual({ step, n, tree: survivor });

        const newer = { ...newGen, "index.html": "newer" };
        await createDiskWriter(out).write(filesOf(newer, dir));
        expect(snapshot(out)).toEqual(expected(newer));
        await createDiskWriter(out).write(filesOf(newGen, dir));
        expect(snapshot(out)).toEqual(expected(newGen));
        expectNoLeftovers(dir);
      }
    });
  },
);
