import path from "node:path";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { missingUrl } from "../config/site-folder-problem.js";
import type { BuildOptions } from "../config/site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { describeGeneration } from "../generations/plan-generation.js";
import type { PreviousSource } from "../generations/read-previous.js";
import { guardFolder } from "../output/guard-folder.js";
import { createDiskWriter, type DiskWriter } from "../output/disk-writer.js";
import { lockBuild } from "../output/lock-build.js";
import { generationsOwnerAbove, OutputLayoutError, outputPathOf } from "../output/output-slots.js";
import { resolveRealPath } from "../output/resolve-real-path.js";
import { removeOldSpares } from "../output/repair-output.js";
import { cacheDirOf, openBuildCache } from "../cache/open-build-cache.js";
import { parkableSources } from "../output/parked-sources.js";
import { publishSite } from "../publish-site.js";
import { readSite, siteLayout } from "../read/read-site.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { countDiagnostics, plural, reportDiagnostics, type Console } from "./report.js";
import { resetStageTimings, stageTimings, timed, timedAsync } from "../timings/stage-timings.js";
import { formatStageTimings } from "./report-timings.js";
import { commandEntryMark } from "./main.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/** `daylight build`: read, build, write only when there is no error. Returns the exit code. */
export async function runBuild(command: BuildCommand, console: Console, now: Date, userCwd: string): Promise<number> {
  // performance.now() counts from the process's start: in the command's own process, Node has
  // started and every module of the build is imported by now (reported by --timings).
  const started = performance.now();
  resetStageTimings();
  const outDir = command.outDir ?? path.join(command.root, "dist");
  const refusal = guardFolder(outDir, "output", { root: command.root, inputDirs: command.postsDir ? [command.postsDir] : [], force: command.force });
  if (refusal) throw new UsageError(`refusing to build into ${outDir}: the output folder ${refusal}`);
  const cacheDir = checkedCacheDir(command, outDir);
  // One build at a time per output and per cache: a second one waits, or with --no-wait gives up.
  const locks = await lockBuild(outDir, cacheDir, { wait: !command.noWait, say: (line) => console.err(line) }).catch(asUsageError(outDir));
  if ("busy" in locks) return (console.err(locks.busy), 1);
  try {
    await removeOldSpares(cacheDir);
    // Pages wait in the writer's staging folder until they are checked and written; sources'
    // texts and rendered HTML in its spool once they are rendered: never all in memory.
    const writer = createDiskWriter(outDir, { replaceForeign: command.force });
    try {
      return await buildInto(outDir, { command, console, now, userCwd, cacheDir, writer, started }).catch(asUsageError(outDir));
    } finally {
      writer.close();
    }
  } finally {
    await locks.release();
  }
}

/** An output layout the writer will not touch (a symlink it did not make, foreign files) is the command's mistake: exit 2. */
const asUsageError = (outDir: string) => (error: unknown): never => {
  if (error instanceof OutputLayoutError) throw new UsageError(`refusing to build into ${outDir}: ${error.message}`);
  throw error;
};

interface BuildRun {
  readonly command: BuildCommand;
  readonly console: Console;
  readonly now: Date;
  readonly userCwd: string;
  readonly cacheDir: string | undefined;
  readonly writer: DiskWriter;
  readonly started: number;
}

async function buildInto(outDir: string, { command, console, now, userCwd, cacheDir, writer, started }: BuildRun): Promise<number> {
  // A build to disk is its process's only build: the sources' texts are parked once every post is rendered.
  const { sources, park: parkSources } = parkableSources(
    await timedAsync("read sources", () => readSite(siteLayout(command.root, command.postsDir))),
    writer.park,
  );
  const { config, plugins, diagnostics: configDiagnostics } = timed("config", () => resolveSiteConfig(sources.configSource, command.baseUrl));
  const options: BuildOptions = { drafts: command.drafts, future: command.future, strict: command.strict, now };
  // Without a url nothing can be built; when the config itself is broken, that is the news.
  const urlProblems: Diagnostic[] = config.url || hasErrors(configDiagnostics)
    ? []
    : [missingUrl(command.root, sources.configSource !== undefined)];
  const configProblems = [...configDiagnostics, ...urlProblems];
  if (hasErrors(configProblems)) return fail(console, sortDiagnostics(configProblems));

  let checked: readonly Diagnostic[] = [];
  const published = await publishSite(sources, config, options, {
    outDir, writer, plugins, parkSources, cache: openBuildCache(cacheDir), previous: previousOf(command, outDir, userCwd),
    earlier: configProblems,
    checked: (diagnostics) => reportDiagnostics(console, (checked = diagnostics)),
  });
  if (!published.ok) return fail(console, published.diagnostics);
  const { result, summary, diagnostics: saveProblems } = published;
  reportDiagnostics(console, saveProblems);
  console.out(`daylight: ${describeGeneration(summary)}`);
  const pageCount = result.files.filter((file) => file.path.endsWith(".html")).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(
    `daylight: built ${plural(result.postCount, "post")}, ${plural(pageCount, "page")} into ${shownPath(userCwd, outDir)} ` +
      `(${countDiagnostics([...checked, ...saveProblems])}) in ${seconds} s`,
  );
  if (command.timings) {
    const startUpMs = performance.getEntriesByName(commandEntryMark).length > 0 ? started : undefined;
    console.out(formatStageTimings(stageTimings(), { posts: result.postCount, wallMs: performance.now() - started, startUpMs }));
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

/** Where the previous generation is read from: the output itself, or `--previous` (a folder or a live site's URL). */
function previousOf(command: BuildCommand, outDir: string, userCwd: string): PreviousSource {
  if (command.previous === undefined) return { kind: "dir", dir: outDir };
  if (/^https?:\/\//i.test(command.previous)) return { kind: "url", url: command.previous };
  return { kind: "dir", dir: path.resolve(userCwd, command.previous), live: true };
}

/** Relative to where the user stands when the folder is below it; else absolute. */
function shownPath(userCwd: string, dir: string): string {
  const relative = path.relative(userCwd, dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

function fail(console: Console, diagnostics: readonly Diagnostic[]): number {
  reportDiagnostics(console, diagnostics);
  console.err(`daylight: ${countDiagnostics(diagnostics)}; nothing was written`);
  return 1;
}
