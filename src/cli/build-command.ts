import path from "node:path";
import { guardFolder } from "../output/guard-folder.js";
import { generationsOwnerAbove, outputPathOf } from "../output/output-slots.js";
import { resolveRealPath } from "../output/resolve-real-path.js";
import { cacheDirOf } from "../cache/cache-location.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { countDiagnostics, plural, reportDiagnostics, shownPath, type Console } from "./report.js";
import { resetStageTimings, stageTimings, timed } from "../timings/stage-timings.js";
import { formatStageTimings, startUpMs } from "./report-timings.js";
import { checkUnchanged, type UnchangedCheck } from "./unchanged-build.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/**
 * `daylight build`: when the last build's record shows nothing changed, says so and is done
 * (this module imports nothing of the build for that); else runs the whole build (full-build.ts).
 * Returns the exit code.
 */
export async function runBuild(command: BuildCommand, console: Console, now: Date, userCwd: string): Promise<number> {
  // performance.now() counts from the process's start: in the command's own process, Node has
  // started and this command's modules are imported by now (reported by --timings).
  const started = performance.now();
  resetStageTimings();
  const outDir = command.outDir ?? path.join(command.root, "dist");
  const cacheDir = checkedCacheDir(command, outDir);
  // A build told where its previous generation is (--previous) reads it anew: a deploy may have moved it.
  if (cacheDir !== undefined && command.previous === undefined) {
    const check = timed("check for changes", () => checkUnchanged(command, outDir, cacheDir, now));
    // The output is as the last build (which passed the guard below) left it, and is not touched.
    if (check.unchanged) return reportUnchanged(check, { command, console, userCwd, outDir, started });
    if (command.timings) console.out(`daylight: building: ${check.reason}`);
  }
  const refusal = guardFolder(outDir, "output", { root: command.root, inputDirs: command.postsDir ? [command.postsDir] : [], force: command.force });
  if (refusal) throw new UsageError(`refusing to build into ${outDir}: the output folder ${refusal}`);
  const { runFullBuild } = await import("./full-build.js");
  return runFullBuild(command, { console, now, userCwd, outDir, cacheDir, started });
}

/** The last build's closing lines, told again with its diagnostics: its output is this build's. */
function reportUnchanged(
  check: Extract<UnchangedCheck, { unchanged: true }>,
  { command, console, userCwd, outDir, started }: { command: BuildCommand; console: Console; userCwd: string; outDir: string; started: number },
): number {
  const { report } = check;
  reportDiagnostics(console, report.diagnostics);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(
    `daylight: nothing changed: ${plural(report.posts, "post")}, ${plural(report.pages, "page")} in ${shownPath(userCwd, outDir)} ` +
      `are the last build's (generation ${report.generation}; ${countDiagnostics(report.diagnostics)}); checked in ${seconds} s`,
  );
  if (command.timings) {
    console.out(formatStageTimings(stageTimings(), { posts: report.posts, wallMs: performance.now() - started, startUpMs: startUpMs(started) }));
  }
  return 0;
}

/** The cache folder (none with --no-cache); one in or around the output, or among its generations, is a usage error. */
function checkedCacheDir(command: BuildCommand, outDir: string): string | undefined {
  const dir = cacheDirOf(command);
  const refusal = dir === undefined
    ? undefined
    : guardFolder(dir, "cache", { root: command.root, outDir, inputDirs: command.postsDir ? [command.postsDir] : [], force: command.force }) ??
      (inGenerations(resolveRealPath(dir), outDir) ? "is inside an output's generations folder, which every build replaces" : undefined);
  if (refusal) throw new UsageError(`refusing to keep the build cache in ${dir}: the cache folder ${refusal} (or pass --no-cache)`);
  return dir;
}

/** True when `dir` is this output's generations folder or inside it, or any other output's. */
function inGenerations(dir: string, outDir: string): boolean {
  const generations = `${outputPathOf(outDir)}.generations`;
  return dir === generations || dir.startsWith(`${generations}/`) || generationsOwnerAbove(dir) !== undefined;
}
