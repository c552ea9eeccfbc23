import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryWriter } from "../../src/output/memory-writer.js";
import { useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();
const decode = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

describe("createMemoryWriter", () => {
  it("holds the written files as bytes, sourcePath files read from disk", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "logo.png"), "PNG");
    const writer = createMemoryWriter();
    const report = await writer.write([
      { path: "index.html", contents: "héllo" },
      { path: "a.bin", contents: new Uint8Array([1, 2]) },
      { path: "img/logo.png", sourcePath: join(dir, "logo.png") },
    ]);
    expect(report).toEqual({ written: 3, unchanged: 0, removed: 0 });
    expect([...writer.files.keys()]).toEqual(["a.bin", "img/logo.png", "index.html"]);
    expect(decode(writer.files.get("index.html"))).toBe("héllo");
    expect([...(writer.files.get("a.bin") ?? [])]).toEqual([1, 2]);
    expect(decode(writer.files.get("img/logo.png"))).toBe("PNG");
  });

  it("stages a page by holding its text, which it then writes", async () => {
    const writer = createMemoryWriter();
    const staged = writer.stage("posts/a/index.html", "<p>a – b</p>");
    expect(staged).toEqual({ path: "posts/a/index.html", contents: "<p>a – b</p>" });
    await writer.write([staged]);
    expect(decode(writer.files.get("posts/a/index.html"))).toBe("<p>a – b</p>");
  });

  it("replaces the whole set on each write and counts what changed", async () => {
    const writer = createMemoryWriter();
    await writer.write([{ path: "a", contents: "1" }, { path: "b", contents: "2" }]);
    const first = writer.files;
    const report = await writer.write([{ path: "a", contents: "1" }, { path: "c", contents: "3" }, { path: "b/x", contents: "" }]);
    expect(report).toEqual({ written: 2, unchanged: 1, removed: 1 });
    expect([...writer.files.keys()]).toEqual(["a", "b/x", "c"]);
    expect([...first.keys()]).toEqual(["a", "b"]);
  });

  it("keeps its own copy of byte contents", async () => {
    const bytes = new Uint8Array([1]);
    const writer = createMemoryWriter();
    await writer.write([{ path: "a", contents: bytes }]);
    bytes[0] = 9;
    expect([...(writer.files.get("a") ?? [])]).toEqual([1]);
  });

  it("keeps the previous set when a write fails", async () => {
    const writer = createMemoryWriter();
    await writer.write([{ path: "a", contents: "1" }]);
    await expect(writer.write([{ path: "b", sourcePath: join(tempDir(), "missing") }])).rejects.toThrow(/ENOENT/);
    await expect(writer.write([{ path: "../b", contents: "x" }])).rejects.toThrow(/invalid output path/);
    expect([...writer.files.keys()]).toEqual(["a"]);
  });
});
