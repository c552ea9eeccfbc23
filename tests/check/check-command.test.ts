import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check-command.js";
import { makeSite, page, writeSite } from "../deploy/make-site.js";

let dir: string;
const lines: string[] = [];
const console = { out: (l: string) => lines.push(`out ${l}`), err: (l: string) => lines.push(`err ${l}`) };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "daylight-check-cli-"));
  lines.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("daylight check", () => {
  it("exits 0 on a clean build, 1 on errors with each printed as path:line:column", async () => {
    writeSite(dir, makeSite({ "index.html": page("Home", '<a href="/posts/x/">x</a>', "/style.css"), "style.css": "" }));
    expect(await runCheck({ outDir: dir, strict: false }, console)).toBe(0);
    expect(lines.at(-1)).toMatch(/^out daylight: checked 3 files .*\(0 errors, 1 warning\)/);
    expect(lines[0]).toMatch(/^err index\.html:8:10 {2}warning {2}.*\[broken-reference\]/);
    lines.length = 0;
    expect(await runCheck({ outDir: dir, strict: true }, console)).toBe(1);
    expect(lines[0]).toMatch(/^err index\.html:8:10 {2}error /);
  });

  it("exits 1 for a folder that is not a daylight build, or no folder at all", async () => {
    mkdirSync(join(dir, "plain"));
    expect(await runCheck({ outDir: join(dir, "plain"), strict: false }, console)).toBe(1);
    expect(lines.join("\n")).toContain("not a daylight build");
    expect(await runCheck({ outDir: join(dir, "missing"), strict: false }, console)).toBe(1);
  });
});
