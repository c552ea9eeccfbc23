import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheClassOf } from "../../src/generations/cache-class-of.js";
import { hashBytes, hashFile, hashOutputFiles } from "../../src/files/hash-file.js";
import { useTemp } from "../generations/generation-fixtures.js";

const temp = useTemp();

describe("hashBytes / hashFile", () => {
  it("gives the first 16 hex characters of SHA-256 and the size in bytes", async () => {
    // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
    expect(hashBytes("hello")).toEqual({ hash: "2cf24dba5fb0a30e", size: 5 });
    expect(hashBytes(new Uint8Array([0xc3, 0xbc]))).toEqual(hashBytes("ü"));
    const dir = temp();
    writeFileSync(join(dir, "f.txt"), "hello");
    expect(await hashFile(join(dir, "f.txt"))).toEqual({ hash: "2cf24dba5fb0a30e", size: 5 });
  });

  it("hashes output files held in memory and on disk alike", async () => {
    const dir = temp();
    writeFileSync(join(dir, "logo.png"), "PNG");
    const digests = await hashOutputFiles([{ path: "a.html", contents: "PNG" }, { path: "logo.png", sourcePath: join(dir, "logo.png") }]);
    expect(digests.get("a.html")).toEqual(digests.get("logo.png"));
    expect(digests.get("a.html")?.size).toBe(3);
  });
});

describe("cacheClassOf", () => {
  it.each([
    ["assets/plot.3f9a2c1b.png", "immutable"],
    ["assets/style.0badf00d.css", "immutable"],
    ["assets/fonts/inter.0123abcd.woff2", "immutable"],
    ["assets/archive.tar.89abcdef.gz", "immutable"],
    ["assets/LICENSE.89abcdef", "immutable"],
    ["assets/style.css", "revalidate"],
    ["assets/style.3F9A2C1B.css", "revalidate"],
    ["assets/style.3f9a2c1.css", "revalidate"],
    ["assets/style.3f9a2c1bb.css", "revalidate"],
    ["images/plot.3f9a2c1b.png", "revalidate"],
    ["posts/a/index.html", "revalidate"],
    ["index.html", "revalidate"],
    ["daylight-manifest.json", "revalidate"],
  ])("%s is %s", (path, expected) => {
    expect(cacheClassOf(path)).toBe(expected);
  });
});
