import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashBytes } from "../../src/files/hash-file.js";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { openPageSpool, spoolFileOf } from "../../src/output/page-spool.js";
import { snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

describe("page spool", () => {
  it("reads back each page's UTF-8 bytes, with their manifest digest, and leaves no file behind", () => {
    const dir = tempDir();
    const spool = openPageSpool(join(dir, "site.spool"));
    const pages = ["<p>first</p>", "<p>en – dash, “quotes”, 😀</p>", "", "x".repeat(200_000)];
    const files = pages.map((html, i) => spool.keep(`p${i}/index.html`, html));
    expect(readdirSync(dir)).toEqual([]); // unlinked at once: nothing to clean after a kill
    files.forEach((file, i) => {
      if (!("spooled" in file)) throw new Error("not spooled");
      const bytes = Buffer.from(pages[i] ?? "", "utf8");
      expect(file.path).toBe(`p${i}/index.html`);
      expect(file.spooled.read().equals(bytes)).toBe(true);
      expect({ hash: file.spooled.hash, size: file.spooled.size }).toEqual(hashBytes(bytes));
    });
    // As text, through one reused buffer: large, small and large again, each exactly itself.
    for (const i of [3, 0, 1, 3, 2, 1]) {
      const file = files[i];
      expect(file && "spooled" in file && file.spooled.text()).toBe(pages[i]);
    }
    const parked = pages.map((text) => spool.park(text));
    expect([...parked].reverse().map((read) => read())).toEqual([...pages].reverse());
    spool.close();
    const [first] = files;
    expect(() => first && "spooled" in first && first.spooled.read()).toThrow(/closed/);
  });

  it("lives beside the output, or in the nearest folder above it that exists", () => {
    const dir = tempDir();
    expect(spoolFileOf(join(dir, "dist"))).toBe(join(dir, `.dist.spool-${process.pid}`));
    expect(spoolFileOf(join(dir, "not", "yet", "dist"))).toBe(join(dir, `.dist.spool-${process.pid}`));
    openPageSpool(spoolFileOf(join(dir, "not", "yet", "dist"))).close();
    expect(readdirSync(dir)).toEqual([]); // no folder made for a build that may fail
  });

  it("hands the disk writer pages it writes byte for byte", async () => {
    const dir = tempDir();
    const spool = openPageSpool(join(dir, "out.spool"));
    const out = join(dir, "out");
    for (let i = 0; i < 2; i++) {
      await createDiskWriter(out).write([spool.keep("index.html", "<h1>Home – hi</h1>"), spool.keep("a/index.html", "<p>a</p>")]);
    }
    // Again, one page changed: the unchanged one is compared with the idle slot's copy and kept.
    const report = await createDiskWriter(out).write([spool.keep("index.html", "<h1>Home – hi</h1>"), spool.keep("a/index.html", "<p>b</p>")]);
    spool.close();
    expect(report).toEqual({ written: 1, unchanged: 1, removed: 0 });
    expect(snapshot(out)).toEqual({
      "a/index.html": Buffer.from("<p>b</p>").toString("base64"),
      "index.html": Buffer.from("<h1>Home – hi</h1>").toString("base64"),
    });
  });
});
