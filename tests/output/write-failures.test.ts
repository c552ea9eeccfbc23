import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPageSpool } from "../../src/output/page-spool.js";
import { openStagingFolder } from "../../src/output/staging-folder.js";
import { writeTextSync } from "../../src/files/write-text-sync.js";
import { useTempDirs } from "./temp-dirs.js";

/** While set, every write(2) on a descriptor fails as on a full disk: with no path, as Node reports it. */
const fullDisk = { on: false };

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (fullDisk.on) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const tempDir = useTempDirs();
afterEach(() => {
  fullDisk.on = false;
});

describe("a write that fails on a descriptor", () => {
  it("names the file it was writing, and leaves no half file (writeTextSync)", () => {
    const dir = tempDir();
    const target = join(dir, "index.html");
    fullDisk.on = true;
    expect(() => writeTextSync(target, ["<p>", "page", "</p>"])).toThrow(expect.objectContaining({ code: "ENOSPC", path: target }));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("names the spool's file (page spool)", () => {
    const dir = tempDir();
    const file = join(dir, ".dist.spool-1");
    const spool = openPageSpool(file);
    try {
      fullDisk.on = true;
      expect(() => spool.park("text")).toThrow(expect.objectContaining({ code: "ENOSPC", path: file }));
    } finally {
      spool.close();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("names the staged page's file, and leaves no half file (staging folder)", () => {
    const dir = tempDir();
    const staging = openStagingFolder(join(dir, ".dist.staging-1-1"));
    fullDisk.on = true;
    expect(() => staging.stage("index.html", "<p>page</p>")).toThrow(expect.objectContaining({ code: "ENOSPC", path: join(dir, ".dist.staging-1-1", "1-index.html") }));
    fullDisk.on = false;
    expect(readdirSync(join(dir, ".dist.staging-1-1"))).toEqual([]);
    staging.remove();
    expect(readdirSync(dir)).toEqual([]);
  });
});
