import { mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSnapshot, fineClockStepMs, takeSnapshot, UnsnapshotableTree, type TreeSpec } from "../../src/files/tree-snapshot.js";
import { tempDir } from "../support/run-cli.js";

const tree = (dir: string, more: Partial<TreeSpec> = {}): TreeSpec => ({ dir, skip: "source-skipped", links: "refuse", ...more });

/**
 * A folder of two files written longer ago than a clock step: stats the snapshot may trust.
 * (Waiting is the only way: a file's change time cannot be set back.)
 */
async function settled(): Promise<string> {
  const dir = tempDir();
  mkdirSync(path.join(dir, "sub"));
  writeFileSync(path.join(dir, "a.md"), "alpha\n");
  writeFileSync(path.join(dir, "sub/b.md"), "beta\n");
  await new Promise((resolve) => setTimeout(resolve, fineClockStepMs * 2));
  return dir;
}

describe("tree snapshots", () => {
  it("find nothing changed in an untouched tree, without reading a settled file", async () => {
    const dir = await settled();
    const snapshot = takeSnapshot([tree(dir)]);
    expect(snapshot.trees[0]!.files.map((file) => [file.path, file.hash])).toEqual([["a.md", undefined], ["sub/b.md", undefined]]);
    expect(checkSnapshot(snapshot)).toEqual({});
  });

  it("see a file rewritten with the same size in the same instant (a racy file, compared by its bytes)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.md"), "alpha\n");
    const snapshot = takeSnapshot([tree(dir)]);
    expect(snapshot.trees[0]!.files[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(path.join(dir, "a.md"), "ALPHA\n");
    expect(checkSnapshot(snapshot).change).toMatch(/a\.md changed/);
  });

  it("see a settled file whose time was put back after an edit (its ctime moves)", async () => {
    const dir = await settled();
    const snapshot = takeSnapshot([tree(dir)]);
    const old = new Date(Date.now() - 3_600_000);
    writeFileSync(path.join(dir, "a.md"), "ALPHA\n");
    utimesSync(path.join(dir, "a.md"), old, old);
    expect(checkSnapshot(snapshot).change).toMatch(/a\.md changed/);
  });

  it("see files added, removed or renamed in any folder", async () => {
    for (const change of [
      (dir: string) => writeFileSync(path.join(dir, "sub/c.md"), "gamma\n"),
      (dir: string) => rmSync(path.join(dir, "sub/b.md")),
      (dir: string) => renameSync(path.join(dir, "a.md"), path.join(dir, "z.md")),
      (dir: string) => mkdirSync(path.join(dir, "sub/deeper")),
    ]) {
      const dir = await settled();
      const snapshot = takeSnapshot([tree(dir)]);
      change(dir);
      expect(checkSnapshot(snapshot).change).toBeDefined();
    }
  });

  it("leave out names the build never reads, and let a racy folder be vouched for by its names", async () => {
    const dir = await settled();
    const snapshot = takeSnapshot([tree(dir)]);
    writeFileSync(path.join(dir, "_draft.md"), "skipped\n");
    writeFileSync(path.join(dir, ".a.md.swp"), "editor\n");
    const check = checkSnapshot(snapshot);
    expect(check.change).toBeUndefined();
    // The folder's time moved but its names did not: the refreshed snapshot holds the time just seen.
    expect(check.refreshed).toBeDefined();
    expect(checkSnapshot(check.refreshed!).change).toBeUndefined();
    writeFileSync(path.join(dir, "new.md"), "counted\n");
    expect(checkSnapshot(check.refreshed!).change).toMatch(/added, removed or renamed/);
  });

  it("record a missing folder as absent, and see it appear", async () => {
    const dir = tempDir();
    const snapshot = takeSnapshot([tree(path.join(dir, "public"))]);
    expect(checkSnapshot(snapshot)).toEqual({});
    mkdirSync(path.join(dir, "public"));
    expect(checkSnapshot(snapshot).change).toMatch(/appeared/);
  });

  it("refuse an input symlink, and record an output one by its target", async () => {
    const dir = await settled();
    symlinkSync(path.join(dir, "a.md"), path.join(dir, "link.md"));
    expect(() => takeSnapshot([tree(dir)])).toThrow(UnsnapshotableTree);
    const snapshot = takeSnapshot([tree(dir, { links: "record" })]);
    expect(checkSnapshot(snapshot).change).toBeUndefined();
    rmSync(path.join(dir, "link.md"));
    symlinkSync(path.join(dir, "sub/b.md"), path.join(dir, "link.md"));
    expect(checkSnapshot(snapshot).change).toMatch(/link\.md changed/);
  });

  it("watch only the named files of a folder when told to", async () => {
    const dir = await settled();
    const snapshot = takeSnapshot([tree(dir, { skip: "none", only: ["site.config.json"] })]);
    writeFileSync(path.join(dir, "unrelated.txt"), "x\n");
    expect(checkSnapshot(snapshot).change).toBeUndefined();
    writeFileSync(path.join(dir, "site.config.json"), "{}\n");
    expect(checkSnapshot(snapshot).change).toMatch(/added, removed or renamed/);
  });
});
