import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { missingUrl } from "../config/site-folder-problem.js";
import type { BuildOptions } from "../config/site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { describeGeneration } from "../generations/plan-generation.js";
import type { PreviousSource } from "../generations/read-previous.js";
import { firstRetentionEnd } from "../generations/select-retained.js";
import { createDiskWriter, type DiskWriter } from "../output/disk-writer.js";
import { lockBuild } from "../output/lock-build.js";
import { OutputLayoutError } from "../output/output-slots.js";
import { removeOldSpares } from "../output/repair-output.js";
import { forgetBuildRecord } from "../cache/build-record.js";
import { forgetPageLedger, readEarlierPages, writePageLedger, type EarlierPages } from "../cache/page-ledger.js";
import { openBuildCache } from "../cache/open-build-cache.js";
import { readsClock } from "../cache/page-cache.js";
import { parkableSources } from "../output/parked-sources.js";
import { publishSite } from "../publish-site.js";
import { readSite, siteLayout } from "../read/read-site.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { countDiagnostics, plural, reportDiagnostics, shownPath, type Console } from "./report.js";
import { stageTimings, timed, timedAsync, timingNotes } from "../timings/stage-timings.js";
import { formatStageTimings, startUpMs } from "./report-timings.js";
import { recordBuild, snapshotInputs } from "./unchanged-build.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/** How the command got here: where it writes, and when it started. */
export interface FullBuildRun {
  readonly console: Console;
  readonly now: Date;
  readonly userCwd: string;
  readonly outDir: string;
  readonly cacheDir: string | undefined;
  readonly started: number;
}

/** The whole build, once the command knows there is something to do: read, build, write only when there is no error. */
export async function runFullBuild(command: BuildCommand, run: FullBuildRun): Promise<number> {
  const { outDir, cacheDir, console } = run;
  // One build at a time per output and per cache: a second one waits, or with --no-wait gives up.
  const locks = await lockBuild(outDir, cacheDir, { wait: !command.noWait, say: (line) => console.err(line) }).catch(asUsageError(outDir));
  if ("busy" in locks) return (console.err(locks.busy), 1);
  try {
    await removeOldSpares(cacheDir);
    // The pages this build may take as they are: read while the record still vouches for the
    // output, and after the lock (the record the change check read may be another build's by now).
    const earlierPages = cacheDir === undefined ? undefined : timed("check for changes", () => readEarlierPages(cacheDir, outDir));
    // From here on the output may change: the last build's record no longer vouches for it.
    if (cacheDir !== undefined) {
      forgetBuildRecord(cacheDir, outDir);
      forgetPageLedger(cacheDir, outDir);
    }
    // Pages wait in the writer's staging folder until they are checked and written; sources'
    // texts and rendered HTML in its spool once they are rendered: never all in memory.
    const writer = createDiskWriter(outDir, { replaceForeign: command.force });
    try {
      return await buildInto(command, run, writer, earlierPages).catch(asUsageError(outDir));
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

async function buildInto(command: BuildCommand, run: FullBuildRun, writer: DiskWriter, earlierPages: EarlierPages | undefined): Promise<number> {
  const { console, now, userCwd, outDir, cacheDir, started } = run;
  // Taken before the sources are read, so that an edit made during the build is the next build's news.
  const inputs = cacheDir !== undefined && command.previous === undefined ? timed("snapshot inputs", () => snapshotInputs(command)) : undefined;
  // A build to disk is its process's only build: each source's text is parked once the render step is done with it.
  const { sources, parkOne, parkAll } = parkableSources(
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
    outDir, writer, plugins, cache: openBuildCache(cacheDir), previous: previousOf(command, outDir, userCwd),
    earlier: configProblems, earlierPages,
    // The texts of posts never rendered (drafts, broken headers) go too; the render threads are gone.
    parkSource: parkOne, allRendered: () => { parkAll(); heapGrowsByHalf(); },
    checked: (diagnostics) => reportDiagnostics(console, (checked = diagnostics)),
  });
  if (!published.ok) return fail(console, published.diagnostics);
  const { result, summary, diagnostics: saveProblems } = published;
  reportDiagnostics(console, saveProblems);
  console.out(`daylight: ${describeGeneration(summary)}`);
  const pageCount = result.files.filter((file) => file.path.endsWith(".html")).length;
  if (inputs !== undefined && cacheDir !== undefined && !readsClock(sources.theme)) {
    // What the cache said of itself (a damaged entry, rebuilt) was true of this build only: not told again.
    const siteDiagnostics = checked.filter((diagnostic) => !diagnostic.rule.startsWith("cache-"));
    const report = { generation: summary.generationId, posts: result.postCount, pages: pageCount, diagnostics: siteDiagnostics };
    const validUntil = earliest(result.nextScheduled?.getTime(), firstRetentionEnd(published.manifest.generations, config));
    timed("record the build", () => {
      // The ledger counts only beside a record of its generation; one that cannot be saved only costs the next build time.
      try {
        if (published.ledger) writePageLedger(cacheDir, outDir, published.ledger);
      } catch {
        // the next build makes every page
      }
      recordBuild(command, outDir, cacheDir, { inputs, now, validUntil, report });
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(
    `daylight: built ${plural(result.postCount, "post")}, ${plural(pageCount, "page")} into ${shownPath(userCwd, outDir)} ` +
      `(${countDiagnostics([...checked, ...saveProblems])}) in ${seconds} s`,
  );
  if (command.timings) {
    console.out(formatStageTimings(stageTimings(), { posts: result.postCount, wallMs: performance.now() - started, startUpMs: startUpMs(started), notes: timingNotes() }));
  }
  return 0;
}

/** Where the previous generation is read from: the output itself, or `--previous` (a folder or a live site's URL). */
function previousOf(command: BuildCommand, outDir: string, userCwd: string): PreviousSource {
  if (command.previous === undefined) return { kind: "dir", dir: outDir };
  if (/^https?:\/\//i.test(command.previous)) return { kind: "url", url: command.previous };
  return { kind: "dir", dir: path.resolve(userCwd, command.previous), live: true };
}

function fail(console: Console, diagnostics: readonly Diagnostic[]): number {
  reportDiagnostics(console, diagnostics);
  console.err(`daylight: ${countDiagnostics(diagnostics)}; nothing was written`);
  return 1;
}

function earliest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((time) => time !== undefined);
  return known.length === 0 ? undefined : Math.min(...known);
}

/**
 * Once every post is rendered, the render threads are gone, and what the build holds to its
 * end (every post's data for the lists, every page's scan for the output check) is most of
 * its heap. V8, seeing collections cheap, let that heap grow to twice what was live before
 * collecting: a 20,000-post build's heap reached 850 MB with 350 MB live, its memory's peak.
 * The factor is read at each collection, so it can be set now, after the threads (whose small
 * heaps would collect far more often under it) are gone.
 */
function heapGrowsByHalf(): void {
  setFlagsFromString("--heap-growing-percent=50");
}
