import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Suites that take a minute or more each on a 2-core machine: they build the sample blog
 * dozens of times (kills, locks, polling readers, injected I/O failures, fuzzing), drive a
 * real Chromium, run the Java HTML validator or load the machine on purpose. `npm test`
 * leaves them out so a contributor can run it often; with DAYLIGHT_FULL_TESTS=1 (which
 * `.ci/run` sets) `npm test` runs everything.
 */
export const slowSuites = [
  "tests/build/load-determinism.test.ts",
  "tests/deploy/simulation.test.ts",
  "tests/dev/browser.test.ts",
  "tests/dev/stress.test.ts",
  "tests/e2e/build-lock.test.ts",
  "tests/e2e/fuzz-build.test.ts",
  "tests/e2e/huge-post.test.ts",
  "tests/e2e/io-failures.test.ts",
  "tests/e2e/kill-build.test.ts",
  "tests/e2e/kill-deploy.test.ts",
  "tests/e2e/output-always-there.test.ts",
  "tests/e2e/theme-layout.test.ts",
  "tests/e2e/validators.test.ts",
  "tests/output/mount-point.test.ts",
  "tests/properties/output.property.test.ts",
];

const full = process.env.DAYLIGHT_FULL_TESTS === "1";
// A slow suite named on the command line (`npx vitest run tests/e2e/kill-build`) runs anyway.
const named = (suite: string) => process.argv.slice(2).some((arg) => arg.startsWith("tests/") && suite.startsWith(arg));
const leftOut = full ? [] : slowSuites.filter((suite) => !named(suite));
if (leftOut.length > 0 && process.argv.slice(2).every((arg) => !arg.startsWith("tests/"))) {
  console.log(`${leftOut.length} slow suites left out; DAYLIGHT_FULL_TESTS=1 npm test runs them too (as CI does)`);
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...leftOut],
    // vitest's default leaves a core idle (one worker on a 2-core machine); most test time is
    // spent waiting on child processes and the disk, so every core gets a worker.
    maxWorkers: availableParallelism(),
    // Dates in tests are written in UTC; the site's timezone is always explicit.
    env: { TZ: "UTC" },
    // Limits only catch a hung test: a busy machine (CI runners, a laptop compiling in the
    // background) may run the heavy ones ten times slower, and that must not fail them.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
