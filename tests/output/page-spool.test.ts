import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPageSpool, spoolFileOf } from "../../src/output/page-spool.js";
import { useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

describe("page spool", () => {
  it("reads back each parked text, and leaves no file behind", () => {
    const dir = tempDir();
    const spool = openPageSpool(join(dir, "site.spool"));
    const pages = ["<p>first</p>", "<p>en – dash, “quotes”, 😀</p>", "", "x".repeat(200_000)];
    const parked = pages.map((text) => spool.park(text));
    expect(readdirSync(dir)).toEqual([]); // unlinked at once: nothing to clean after a kill
    // Through one reused buffer: large, small and large again, each exactly itself.
    for (const i of [3, 0, 1, 3, 2, 1]) expect(parked[i]?.()).toBe(pages[i]);
    expect([...parked].reverse().map((read) => read())).toEqual([...pages].reverse());
    spool.close();
    expect(() => parked[0]?.()).toThrow(/closed/);
  });

  it("lives beside the output, or in the nearest folder above it that exists", () => {
    const dir = tempDir();
    expect(spoolFileOf(join(dir, "dist"))).toBe(join(dir, `.dist.spool-${process.pid}`));
    expect(spoolFileOf(join(dir, "not", "yet", "dist"))).toBe(join(dir, `.dist.spool-${process.pid}`));
    openPageSpool(spoolFileOf(join(dir, "not", "yet", "dist"))).close();
    expect(readdirSync(dir)).toEqual([]); // no folder made for a build that may fail
  });
});
