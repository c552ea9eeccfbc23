import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles } from "../../src/files/list-files.js";

describe("listFiles", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "daylight-list-"));
    for (const file of ["b.txt", "a/z.md", "a/b/c.css", ".hidden/x", "a/.dot"]) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "");
    }
    symlinkSync(join(root, "a"), join(root, "link"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lists every non-folder entry as sorted POSIX paths, symlinks listed and never followed", () => {
    expect(listFiles(root)).toEqual([".hidden/x", "a/.dot", "a/b/c.css", "a/z.md", "b.txt", "link"]);
  });

  it("leaves out what `skip` names (a folder with all it holds) and, when asked, all but regular files", () => {
    expect(listFiles(root, { skip: (name) => name.startsWith("."), regularOnly: true })).toEqual(["a/b/c.css", "a/z.md", "b.txt"]);
    expect(listFiles(root, { skip: (name, isFolder) => isFolder && name === "b" })).toEqual([".hidden/x", "a/.dot", "a/z.md", "b.txt", "link"]);
  });

  it("is empty for a missing folder and throws for a file", () => {
    expect(listFiles(join(root, "nope"))).toEqual([]);
    expect(() => listFiles(join(root, "b.txt"))).toThrow(/ENOTDIR/);
  });
});
