import { describe, expect, it } from "vitest";
import { describeIoFailure, mountPointOf } from "../../src/cli/describe-io-failure.js";
import { tempDir } from "../support/run-cli.js";
import path from "node:path";

const failure = (code: string, syscall: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(`${code}: something, ${syscall}`), { code, syscall, errno: -1, ...extra });

describe("describeIoFailure", () => {
  const file = path.join(tempDir(), "dist", "index.html");
  const codes: [string, RegExp][] = [
    ["ENOSPC", /the disk is full — free space on \//],
    ["EDQUOT", /quota is used up — free space on /],
    ["EROFS", /read-only — remount /],
    ["EACCES", /permission denied — give your user write access to .*dist, or choose another folder/],
    ["EPERM", /permission denied/],
    ["EBUSY", /busy .* — close what uses it/],
    ["EMFILE", /too many files are open — raise the limit/],
    ["ENFILE", /too many files are open/],
    ["ENOENT", /does not exist .* — make sure nothing else deletes/],
    ["EIO", /input\/output error — check the disk/],
    ["EXDEV", /between two file systems — keep the output/],
  ];
  for (const [code, advice] of codes) {
    it(`says what ${code} means, for which path, and what to do, in one line`, () => {
      const line = describeIoFailure(failure(code, "write", { path: file }), { outcome: "the previous output is unchanged" });
      expect(line).toMatch(new RegExp(`^cannot write ${file.replace(/[.]/g, "\\.")}: `));
      expect(line).toMatch(advice);
      expect(line).toMatch(/; the previous output is unchanged$/);
      expect(line).not.toMatch(/\n/);
    });
  }

  it("names both ends of a copy or a move, and advises about the side it writes", () => {
    expect(describeIoFailure(failure("EXDEV", "rename", { path: "/a/x", dest: "/b/x" }))).toMatch(/^cannot move \/a\/x to \/b\/x: /);
    expect(describeIoFailure(failure("EACCES", "copyfile", { path: "/src/x.png", dest: "/out/dist/x.png" })))
      .toBe("cannot copy /src/x.png to /out/dist/x.png: permission denied — give your user write access to /out/dist, or choose another folder (--out, --cache-dir)");
  });

  it("asks for the access the refused call needed", () => {
    expect(describeIoFailure(failure("EACCES", "scandir", { path: "/site/posts" }))).toMatch(/give your user read access to \/site\/posts,/);
    expect(describeIoFailure(failure("EACCES", "open", { path: "/site/posts/a.md" }))).toMatch(/^cannot open .*give your user access to \/site\/posts,/);
  });

  it("falls back on the given path when the error has none, and on the code when it is unknown", () => {
    expect(describeIoFailure(failure("ESTRANGE", "write"), { fallbackPath: "/srv/out" })).toMatch(/^cannot write \/srv\/out: the system refused it \(ESTRANGE\)/);
  });

  it("leaves errors that are not the system's (a bug) alone", () => {
    expect(describeIoFailure(new Error("bug"))).toBeUndefined();
    expect(describeIoFailure(Object.assign(new TypeError("x"), { code: "ERR_INVALID_ARG_TYPE" }))).toBeUndefined();
    expect(describeIoFailure(undefined)).toBeUndefined();
  });

  it("finds the mount point above a path that does not exist yet", () => {
    expect(mountPointOf("/proc/self/no/such/file")).toBe("/proc");
  });
});
