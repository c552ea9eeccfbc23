import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
    writeSite(dir, makeSite({ "index.html": page("Home", '<a href="/posts/b/#nope">x</a>', "/style.css"), "style.css": "", "posts/b/index.html": page("B", "", "/style.css") }));
    expect(await runCheck({ outDir: dir, strict: false }, console)).toBe(0);
    expect(lines.at(-1)).toMatch(/^out daylight: checked 4 files .*\(0 errors, 1 warning\)/);
    expect(lines[0]).toMatch(/^err index\.html:8:10 {2}warning {2}.*\[unknown-fragment\]/);
    lines.length = 0;
    expect(await runCheck({ outDir: dir, strict: true }, console)).toBe(1);
    expect(lines[0]).toMatch(/^err index\.html:8:10 {2}error /);
  });

  it("reports a link to a missing post page as an error, and follows the site config's rules and externalPaths", async () => {
    const body = '<a href="/posts/x/">x</a> <a href="/docs/intro">d</a>';
    writeSite(join(dir, "dist"), makeSite({ "index.html": page("Home", body, "/style.css"), "style.css": "" }));
    expect(await runCheck({ outDir: join(dir, "dist"), strict: false }, console)).toBe(1);
    expect(lines.filter((l) => l.includes("[broken-reference]"))).toHaveLength(2);
    lines.length = 0;
    writeFileSync(join(dir, "site.config.json"), JSON.stringify({ externalPaths: ["/docs/"], rules: { "broken-reference": "warning" } }));
    expect(await runCheck({ root: dir, outDir: join(dir, "dist"), strict: false }, console)).toBe(0);
    expect(lines.filter((l) => l.includes("[broken-reference]"))).toEqual([expect.stringMatching(/index\.html:8:10 {2}warning .*"\/posts\/x\/"/)]);
    lines.length = 0;
    expect(await runCheck({ root: dir, outDir: join(dir, "dist"), strict: true }, console)).toBe(1);
  });

  it("refuses to check with a broken site config: exit 1 with the config's error", async () => {
    writeSite(join(dir, "dist"), makeSite({ "index.html": page("Home", "", "/style.css"), "style.css": "" }));
    writeFileSync(join(dir, "site.config.json"), JSON.stringify({ rules: { "broken-refrence": "off" } }));
    expect(await runCheck({ root: dir, outDir: join(dir, "dist"), strict: false }, console)).toBe(1);
    expect(lines[0]).toMatch(/^err site\.config\.json:1:\d+ {2}error .*"broken-reference".*\[config-error\]/);
  });

  it("exits 1 for a folder that is not a daylight build, or no folder at all", async () => {
    mkdirSync(join(dir, "plain"));
    expect(await runCheck({ outDir: join(dir, "plain"), strict: false }, console)).toBe(1);
    expect(lines.join("\n")).toContain("not a daylight build");
    expect(await runCheck({ outDir: join(dir, "missing"), strict: false }, console)).toBe(1);
  });
});
