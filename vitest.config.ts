import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Dates in tests are written in UTC; the site's timezone is always explicit.
    env: { TZ: "UTC" },
    // Limits only catch a hung test: a busy machine (CI runners, a laptop compiling in the
    // background) may run the heavy ones ten times slower, and that must not fail them.
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
