import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { createBuildCache } from "../../src/cache/build-cache.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { mapInSteps, runSteps, runStepsInTurns, type Steps, type Turns } from "../../src/timings/run-steps.js";
import { repoRoot } from "../support/run-cli.js";

function* counting(to: number, seen: number[]): Steps<string> {
  for (let i = 0; i < to; i++) {
    seen.push(i);
    yield;
  }
  return `counted ${to}`;
}

describe("work in steps", () => {
  it("runs to the same result at once and in turns", async () => {
    const once: number[] = [];
    const turned: number[] = [];
    expect(runSteps(counting(5, once))).toBe("counted 5");
    expect(await runStepsInTurns(counting(5, turned), { everyMs: 0, between: () => Promise.resolve() }, "test")).toBe("counted 5");
    expect(turned).toEqual(once);
    expect(runSteps(mapInSteps([1, 2, 3], (n) => n * 2))).toEqual([2, 4, 6]);
  });

  it("lets other work run between turns, and only between them", async () => {
    const log: string[] = [];
    // A turn of 0 ms ends after each step: between every two steps, the event loop gets a go.
    const turns: Turns = { everyMs: 0, between: () => new Promise((resolve) => setImmediate(resolve)) };
    function* steps(): Steps<void> {
      for (let i = 0; i < 3; i++) {
        log.push(`step ${i}`);
        setImmediate(() => log.push(`other after ${i}`));
        yield;
      }
    }
    await runStepsInTurns(steps(), turns, "test");
    expect(log).toEqual(["step 0", "other after 0", "step 1", "other after 1", "step 2", "other after 2"]);
    log.length = 0;
    runSteps(steps());
    expect(log).toEqual(["step 0", "step 1", "step 2"]);
  });
});

describe("a build in turns", () => {
  it("makes the same files as a build at once, with and without a cache", async () => {
    const sources = await readSite(siteLayout(path.join(repoRoot, "tests/fixtures/good")));
    const { config } = resolveSiteConfig(sources.configSource, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-06-01T00:00:00Z") };
    const turns: Turns = { everyMs: 0, between: () => new Promise((resolve) => setImmediate(resolve)) };
    const text = (files: Awaited<ReturnType<typeof buildSite>>["files"]) => files.map((f) => [f.path, "contents" in f ? String(f.contents) : f.sourcePath]);
    const atOnce = await buildSite(sources, config, options, { threads: 0 });
    const inTurns = await buildSite(sources, config, options, { threads: 0, turns });
    expect(text(inTurns.files)).toEqual(text(atOnce.files));
    expect(inTurns.diagnostics).toEqual(atOnce.diagnostics);
    const cache = createBuildCache();
    await buildSite(sources, config, options, { threads: 0, cache, turns });
    expect(text((await buildSite(sources, config, options, { threads: 0, cache, turns })).files)).toEqual(text(atOnce.files));
  });
});
