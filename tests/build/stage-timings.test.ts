import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { formatStageTimings } from "../../src/cli/report-timings.js";
import { noteTiming, resetStageTimings, stageTimings, timed, timedAsync, timingNotes } from "../../src/timings/stage-timings.js";
import { describeThreadUse } from "../../src/workers/render-misses.js";
import { repoRoot, runCli, spawnCli, tempDir } from "../support/run-cli.js";

/** Lets `ms` pass on a fake clock: the arithmetic of nesting is checked, not the machine's speed. */
let clock = 0;
const busy = (ms: number) => void (clock += ms);

describe("stage timings", () => {
  it("counts a stage timed inside another once, for itself", () => {
    const now = vi.spyOn(performance, "now").mockImplementation(() => clock);
    try {
      resetStageTimings();
      timed("outer", () => {
        busy(20);
        timed("inner", () => busy(30));
        timed("inner", () => busy(30));
      });
    } finally {
      now.mockRestore();
    }
    expect(stageTimings()).toEqual([
      // The outer stage keeps only its own 20 ms, not the 60 ms spent inside "inner".
      { stage: "inner", ms: 60, calls: 2 },
      { stage: "outer", ms: 20, calls: 1 },
    ]);
  });

  it("still records a stage that throws, and starts over after a reset", async () => {
    resetStageTimings();
    expect(() => timed("failing", () => { throw new Error("boom"); })).toThrow("boom");
    await expect(timedAsync("waiting", () => Promise.reject(new Error("late")))).rejects.toThrow("late");
    expect(stageTimings().map((t) => t.stage)).toEqual(["failing", "waiting"]);
    resetStageTimings();
    expect(stageTimings()).toEqual([]);
  });

  it("formats the slowest stage first, per post, with what no stage covered", () => {
    const table = formatStageTimings(
      [{ stage: "read", ms: 10, calls: 1 }, { stage: "render", ms: 80, calls: 1 }],
      { posts: 4, wallMs: 100, startUpMs: 40 },
    );
    const lines = table.split("\n");
    expect(lines[2]).toMatch(/^\s+render\s+80\.0\s+20\.000$/);
    expect(lines[3]).toMatch(/^\s+read\s+10\.0\s+2\.500$/);
    expect(lines[4]).toMatch(/outside the stages.*\s10\.0\s+2\.500$/);
    expect(lines[5]).toMatch(/total \(wall\)\s+100\.0\s+25\.000$/);
    expect(lines[6]).toMatch(/start-up before the build \(Node, imports\)\s+40\.0\s+10\.000$/);
  });

  it("prints the notes told since the last reset under the table", () => {
    resetStageTimings();
    noteTiming("2 render threads, busy 95% and 90% of their 1.0 s and 1.1 s");
    expect(timingNotes()).toEqual(["2 render threads, busy 95% and 90% of their 1.0 s and 1.1 s"]);
    const table = formatStageTimings([{ stage: "read", ms: 10, calls: 1 }], { posts: 1, wallMs: 10, notes: timingNotes() });
    expect(table.split("\n").at(-1)).toBe("  2 render threads, busy 95% and 90% of their 1.0 s and 1.1 s");
    resetStageTimings();
    expect(timingNotes()).toEqual([]);
  });

  it("says how busy each render thread was: its CPU over its wall time", () => {
    expect(describeThreadUse([{ cpuMs: 950, wallMs: 1000 }, { cpuMs: 990, wallMs: 1100 }])).toBe(
      "2 render threads, busy 95% and 90% of their 1.0 s and 1.1 s",
    );
    expect(describeThreadUse([{ cpuMs: 500, wallMs: 2000 }])).toBe("1 render thread, busy 25% of its 2.0 s");
    expect(describeThreadUse([{ cpuMs: 1, wallMs: 2 }, { cpuMs: 2, wallMs: 4 }, { cpuMs: 0, wallMs: 0 }])).toBe(
      "3 render threads, busy 50%, 50% and 0% of their 0.0 s, 0.0 s and 0.0 s",
    );
  });

  it("is printed by `build --timings`, with the stages a build goes through", async () => {
    const out = tempDir();
    const run = await runCli(["build", "--root", repoRoot, "--out", path.join(out, "site"), "--timings"]);
    expect(run.code).toBe(0);
    for (const stage of ["read sources", "parse headers", "render posts", "templates", "check output", "write: fill slot"]) {
      expect(run.out.join("\n")).toMatch(new RegExp(`^  ${stage}\\s+\\d+\\.\\d\\s+\\d+\\.\\d{3}$`, "m"));
    }
    expect(run.out.join("\n")).toMatch(/^  total \(wall\)\s+\d+\.\d/m);
    // Called in-process (as here), main() has no start-up of its own to report.
    expect(run.out.join("\n")).not.toMatch(/start-up/);
  });

  it("reports the command's own start-up (Node, imports) when it runs as the daylight command", () => {
    const out = tempDir();
    const run = spawnCli(["build", "--root", repoRoot, "--out", path.join(out, "site"), "--timings"]);
    expect(run.status, run.stderr).toBe(0);
    const startUp = /^  start-up before the build \(Node, imports\)\s+(\d+\.\d)\s+\d+\.\d{3}$/m.exec(run.stdout);
    expect(Number(startUp?.[1])).toBeGreaterThan(0);
  });
});
