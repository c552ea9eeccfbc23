import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, readOutput, repoRoot, runCli, tempDir } from "../support/run-cli.js";

const fixture = path.join(fixturesDir, "plugins");

describe("site.config.mjs", () => {
  it("takes settings and unified plugins from the module, applied in order", async () => {
    const out = path.join(tempDir(), "dist");
    const run = await runCli(["build", "--root", fixture, "--out", out]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const page = readOutput(out, "posts/hello/index.html");
    expect(page).toContain("This is DONE.");
    expect(page).toContain('<a href="https://example.org/" rel="nofollow" target="_blank">the example</a>');
    expect(page).toContain('<a href="/">the index</a>');
    expect(page).toContain("<title>Hello plugins · Plugins</title>");
  });

  /** A copy of the fixture inside the repository, so that its imports still resolve. */
  function copyOfFixture(): string {
    const root = path.join(tempDir(path.join(repoRoot, "tests/fixtures/.tmp-")), "site");
    cpSync(fixture, root, { recursive: true });
    return root;
  }

  it("reports a module that does not load, at its line, and writes nothing", async () => {
    const root = copyOfFixture();
    writeFileSync(path.join(root, "site.config.mjs"), "export default {\n  title: 'x',\n  url: ,\n};\n");
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/^site\.config\.mjs:3:\d+  error  .*could not be loaded.*\[config-error\]/m);
  });

  it("refuses two config files, and a module setting of the wrong type", async () => {
    const root = copyOfFixture();
    writeFileSync(path.join(root, "site.config.json"), "{}");
    expect((await runCli(["build", "--root", root, "--out", path.join(root, "dist")])).err.join("\n")).toMatch(/both/);
    rmSync(path.join(root, "site.config.json"));
    writeFileSync(path.join(root, "site.config.mjs"), "export default { url: 'https://e.com/', postsPerPage: 'ten', rehypePlugins: 3 };\n");
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
    expect(run.code).toBe(1);
    expect(run.err.filter((line) => line.includes("[config-error]"))).toHaveLength(2);
  });
});
