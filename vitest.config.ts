import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Dates in tests are written in UTC; the site's timezone is always explicit.
    env: { TZ: "UTC" },
    testTimeout: 30_000,
  },
});
