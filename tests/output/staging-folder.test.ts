import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { openStagingFolder, stagingFolderOf } from "../../src/output/staging-folder.js";
import { snapshot, useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

describe("staging folder", () => {
  it("holds each staged page's UTF-8 bytes in a file of its own, until removed", () => {
    const dir = tempDir();
    const staging = openStagingFolder(join(dir, ".dist.staging-1-1"));
    const pages = ["<p>first</p>", "<p>en – dash, “quotes”, 😀</p>", "", "x".repeat(200_000)];
    // The same path twice (a collision the build reports) stages twice, each file itself.
    const files = [...pages, "again"].map((html, i) => staging.stage(i === 4 ? "p0/index.html" : `p${i}/index.html`, html));
    files.forEach((file, i) => {
      if (!("sourcePath" in file) || file.generated !== "staged") throw new Error("not staged");
      expect(file.path).toBe(`p${i % 4}/index.html`);
      expect(readFileSync(file.sourcePath).equals(Buffer.from([...pages, "again"][i] ?? "", "utf8"))).toBe(true);
    });
    staging.remove();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("lives beside the output, or in the nearest folder above it that exists, and is made only when opened", () => {
    const dir = tempDir();
    expect(basename(stagingFolderOf(join(dir, "dist")))).toMatch(new RegExp(`^\\.dist\\.staging-${process.pid}-\\d+$`));
    const notYet = stagingFolderOf(join(dir, "not", "yet", "dist"));
    expect(join(notYet, "..")).toBe(dir);
    expect(readdirSync(dir)).toEqual([]); // no folder made for a build that may fail before its first page
  });

  it("removes the folders a killed build of the same output left, and no other", () => {
    const dir = tempDir();
    // Far above any pid the system hands out: no such process runs.
    for (const name of [".dist.staging-4194999-1", ".other.staging-4194999-1", `.dist.staging-${process.pid}-999`]) {
      mkdirSync(join(dir, name, "x"), { recursive: true });
    }
    const staging = openStagingFolder(stagingFolderOf(join(dir, "dist")));
    expect(existsSync(join(dir, ".dist.staging-4194999-1"))).toBe(false);
    expect(existsSync(join(dir, ".other.staging-4194999-1"))).toBe(true);
    expect(existsSync(join(dir, `.dist.staging-${process.pid}-999`))).toBe(true);
    staging.remove();
  });

  it("hands the disk writer pages it moves into place byte for byte, and compares unchanged ones", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    for (let i = 0; i < 2; i++) {
      const writer = createDiskWriter(out);
      await writer.write([writer.stage("index.html", "<h1>Home – hi</h1>"), writer.stage("a/index.html", "<p>a</p>")]);
      writer.close();
    }
    // Again, one page changed: the unchanged one is compared with the idle slot's copy and kept.
    const writer = createDiskWriter(out);
    const report = await writer.write([writer.stage("index.html", "<h1>Home – hi</h1>"), writer.stage("a/index.html", "<p>b</p>")]);
    writer.close();
    expect(report).toEqual({ written: 1, unchanged: 1, removed: 0 });
    expect(snapshot(out)).toEqual({
      "a/index.html": Buffer.from("<p>b</p>").toString("base64"),
      "index.html": Buffer.from("<h1>Home – hi</h1>").toString("base64"),
    });
    expect(readdirSync(dir).sort()).toEqual(["out", "out.generations"]); // the staging folder is gone
  });

  it("parks texts in a spool it closes with the staging folder, leaving nothing beside the output", () => {
    const dir = tempDir();
    const writer = createDiskWriter(join(dir, "out"));
    const read = writer.park("<p>parked – 😀</p>");
    writer.stage("index.html", "<p>staged</p>");
    expect(read()).toBe("<p>parked – 😀</p>");
    writer.close();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => read()).toThrow(/closed/);
  });
});
