import { spawn } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, spawnCli, tempDir } from "../support/run-cli.js";

/**
 * A reader in another process: opens and reads `file` in a tight loop until `stop` exists,
 * then prints how many reads found it whole, and every failure.
 */
const readerScript = `
const fs = require("node:fs");
const [file, stop] = process.argv.slice(1);
let whole = 0;
const failures = [];
for (let i = 0; ; i++) {
  try {
    const text = fs.readFileSync(file, "utf8");
    if (text.includes("</html>")) whole++;
    else failures.push("cut: " + text.length + " bytes");
  } catch (error) {
    failures.push(error.code);
  }
  if (i % 64 === 0 && fs.existsSync(stop)) break;
}
process.stdout.write(JSON.stringify({ whole, failures: failures.slice(0, 20), failed: failures.length }));
`;

describe("the output while builds replace it", () => {
  it("always has a whole index.html: a reader polling it through 10 builds never misses it", async () => {
    const dir = tempDir();
    const root = path.join(dir, "site");
    for (const part of ["posts", "pages", "public", "site.config.json"]) cpSync(path.join(repoRoot, part), path.join(root, part), { recursive: true });
    const out = path.join(dir, "dist");
    const build = () => spawnCli(["build", "--root", root, "--out", out, "--cache-dir", path.join(dir, "cache")], root);
    expect(build().status).toBe(0);

    const stop = path.join(dir, "stop");
    const reader = spawn(process.execPath, ["-e", readerScript, path.join(out, "index.html"), stop], { stdio: ["ignore", "pipe", "inherit"] });
    let report = "";
    reader.stdout.on("data", (chunk: Buffer) => (report += chunk.toString()));
    const ended = new Promise((resolve) => reader.on("close", resolve));
    for (let i = 0; i < 10; i++) {
      // Each build has something new for the index, so each replaces it.
      writeFileSync(path.join(root, `posts/poll-${i}.md`), `!! title: Poll ${i}\n!! published: 2026-03-${String(i + 10)}\n\nBuild ${i}.\n`);
      const run = build();
      expect(run.status, run.stderr).toBe(0);
    }
    writeFileSync(stop, "");
    await ended;
    const result = JSON.parse(report) as { whole: number; failed: number; failures: string[] };
    expect(result.failures).toEqual([]);
    expect(result.whole).toBeGreaterThan(0);
    // Eleven builds of the sample blog: over three minutes on a machine at ten times its cores' load.
  }, 600_000);
});
