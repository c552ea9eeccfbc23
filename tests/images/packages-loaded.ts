import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { fixedNow, repoRoot, tempDir } from "../support/run-cli.js";

/** The packages a build by the compiled CLI loads (recorded as tests/e2e/lazy-imports.test.ts does). */
export function packagesLoaded(root: string, flags: readonly string[] = ["--no-cache"]): Set<string> {
  const list = path.join(tempDir(), "modules.txt");
  const run = spawnSync(process.execPath, ["--import", path.join(repoRoot, "tests/support/record-modules.mjs"), path.join(repoRoot, "lib/cli.js"),
    "build", "--root", root, "--out", path.join(root, "out"), ...flags], {
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, DAYLIGHT_TEST_MODULES: list },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return new Set(readFileSync(list, "utf8").split("\n").flatMap((line) => /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1] ?? []));
}
