import path from "node:path";
import { buildSite, type BuildResult } from "../build.js";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { missingUrl } from "../config/site-folder-problem.js";
import type { BuildOptions, SiteConfig } from "../config/site-config.js";
import { hasErrors, promoteWarnings, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { applyRules } from "../rules/apply-rules.js";
import { describeGeneration, planGeneration } from "../generations/plan-generation.js";
import { readPreviousGeneration } from "../generations/read-previous.js";
import { guardFolder } from "../output/guard-folder.js";
import { createDiskWriter, type DiskWriter } from "../output/disk-writer.js";
import { hashBytes, type FileDigest } from "../generations/hash-file.js";
import { outputContents } from "../output/output-contents.js";
import { lockBuild } from "../output/lock-build.js";
import { generationsOwnerAbove, OutputLayoutError, outputPathOf } from "../output/output-slots.js";
import { resolveRealPath } from "../output/resolve-real-path.js";
import { removeOldSpares, repairOutput } from "../output/repair-output.js";
import { cacheDirOf, openBuildCache } from "../cache/open-build-cache.js";
import { checkSite } from "../check/check-site.js";
import { outputSiteFiles } from "../check/site-files.js";
import { createSiteScans, type SiteScans } from "../check/site-scans.js";
import type { OutputFile, SourceFile } from "../model.js";
import { locateInSources } from "../check/locate-in-sources.js";
import { firstLocated, locateInTemplates } from "../check/locate-in-templates.js";
import type { Theme } from "../site/read-theme.js";
import { openPageSpool, spoolFileOf, type PageSpool } from "../output/page-spool.js";
import { readSite, siteLayout, type SiteSources } from "../read-site.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { countDiagnostics, plural, reportDiagnostics, type Console } from "./report.js";
import { resetStageTimings, stageTimings, timed, timedAsync } from "../stage-timings.js";
import { formatStageTimings } from "./report-timings.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/** `daylight build`: read, build, write only when there is no error. Returns the exit code. */
export async function runBuild(command: BuildCommand, console: Console, now: Date, userCwd: string): Promise<number> {
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
    // Rendered HTML waits on disk, not in memory, until its pages are made (see page-spool.ts);
    // pages wait in the writer's staging folder until they are checked and written.
    const spool = openPageSpool(spoolFileOf(outDir));
    const writer = createDiskWriter(outDir, { replaceForeign: command.force });
    try {
      return await buildInto(outDir, { command, console, now, userCwd, cacheDir, spool, writer, started }).catch(asUsageError(outDir));
    } finally {
      writer.close();
      spool.close();
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
  readonly spool: PageSpool;
  readonly writer: DiskWriter;
  readonly started: number;
}

async function buildInto(outDir: string, { command, console, now, userCwd, cacheDir, spool, writer, started }: BuildRun): Promise<number> {
  const sources = await timedAsync("read sources", () => readSite(siteLayout(command.root, command.postsDir)));
  const { config, plugins, diagnostics: configDiagnostics } = timed("config", () => resolveSiteConfig(sources.configSource, command.baseUrl));
  const options: BuildOptions = { drafts: command.drafts, future: command.future, strict: command.strict, now };
  // Without a url nothing can be built; when the config itself is broken, that is the news.
  const urlProblems: Diagnostic[] = config.url || hasErrors(configDiagnostics)
    ? []
    : [missingUrl(command.root, sources.configSource !== undefined)];
  const configProblems = [...configDiagnostics, ...urlProblems];
  if (hasErrors(configProblems)) return fail(console, sortDiagnostics(configProblems));

  const cache = openBuildCache(cacheDir);
  // Pages are hashed and scanned for the output check as they are staged, while their text is
  // at hand; the scans are let go once checked (a large site's are 100 MB and more).
  let scans: SiteScans | undefined = createSiteScans();
  const digests = new Map<string, FileDigest>();
  const stage = (path: string, text: string) => {
    const file = writer.stage(path, text);
    digests.set(path, hashBytes(text));
    scans?.scan(path, text, () => outputContents(file));
    return file;
  };
  const result = await buildSite(sources, config, options, { plugins, cache: cache.cache, stage, park: spool.park });
  // The cache's own warnings say nothing about the site: --strict leaves them warnings.
  const cacheProblems = cache.diagnostics();
  if (hasErrors(result.diagnostics)) {
    return fail(console, sortDiagnostics([...configProblems, ...result.diagnostics, ...cacheProblems, ...(await cache.save(false))]));
  }
  const generation = await timedAsync("plan generation", () => planOutput(command, { outDir, userCwd, now }, config, result, digests));
  const diagnostics = sortDiagnostics([
    ...configProblems,
    ...result.diagnostics,
    ...cacheProblems,
    ...applyRules(generation.diagnostics, config.rules, command.strict),
    ...timed("check output", () => verifyOutput(generation.files, config, scans ?? createSiteScans(), {
      sources: pageSources(result, sources, config), templates: sources.theme.templates, reportedLinks: result.reportedLinks, strict: command.strict,
    })),
  ]);
  scans = undefined;
  if (hasErrors(diagnostics)) return fail(console, [...diagnostics, ...(await cache.save(false))]);

  reportDiagnostics(console, diagnostics);
  // Both only write (each into its own folder): overlapping them hides the cache's cost in a cold build.
  // Both are awaited even when the write fails, so that no cache write is still in flight
  // when the locks are released and the process exits.
  const [written, saved] = await Promise.allSettled([
    writer.write(generation.files),
    timedAsync("save cache (while writing)", () => cache.save(true)),
  ]);
  if (written.status === "rejected") throw written.reason;
  if (saved.status === "rejected") throw saved.reason;
  const saveProblems = saved.value;
  reportDiagnostics(console, saveProblems);
  console.out(`daylight: ${describeGeneration(generation.summary)}`);
  const pageCount = result.files.filter((file) => file.path.endsWith(".html")).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(
    `daylight: built ${plural(result.postCount, "post")}, ${plural(pageCount, "page")} into ${shownPath(userCwd, outDir)} ` +
      `(${countDiagnostics([...diagnostics, ...saveProblems])}) in ${seconds} s`,
  );
  if (command.timings) {
    console.out(formatStageTimings(stageTimings(), { posts: result.postCount, wallMs: performance.now() - started }));
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

/**
 * The build as a generation of its output folder: the previous generation (from the output,
 * or from --previous) decides which old assets stay and which published URLs must survive.
 */
async function planOutput(
  command: BuildCommand,
  { outDir, userCwd, now }: { outDir: string; userCwd: string; now: Date },
  config: SiteConfig,
  result: BuildResult,
  digests: ReadonlyMap<string, FileDigest>,
) {
  await repairOutput(outDir);
  const previous = command.previous === undefined
    ? { kind: "dir" as const, dir: outDir }
    : /^https?:\/\//i.test(command.previous)
      ? { kind: "url" as const, url: command.previous }
      : { kind: "dir" as const, dir: path.resolve(userCwd, command.previous), live: true };
  const read = await readPreviousGeneration(previous);
  const plan = await planGeneration({ files: result.files, previous: read.previous, config, now, published: result.published, digests });
  return { ...plan, diagnostics: [...read.diagnostics, ...plan.diagnostics] };
}

/**
 * The check that `daylight check` runs, on the files about to be written: a broken
 * reference the stages did not catch stops the build. Links to posts, fragments of post
 * links and links the stages reported are theirs to judge: not reported twice.
 */
function verifyOutput(
  files: readonly OutputFile[],
  config: SiteConfig,
  scans: SiteScans,
  { sources, templates, reportedLinks, strict }: {
    sources: ReadonlyMap<string, SourceFile>; templates: Theme["templates"]; reportedLinks: ReadonlySet<string>; strict: boolean;
  },
): Diagnostic[] {
  const options = {
    strict: false, baseUrl: config.url, verifyHashes: false,
    locate: firstLocated(locateInSources(sources), locateInTemplates(templates.values(), config.basePath)),
    rules: config.rules, externalPaths: config.externalPaths, postPagesJudged: true, reportedAt: reportedLinks,
  };
  // An unknown fragment is a warning the stages already gave for post links (check-fragments.ts).
  const found = checkSite(outputSiteFiles(files), options, scans).filter((d) => !(d.rule === "unknown-fragment" && d.severity === "warning"));
  return strict ? promoteWarnings(found) : found;
}

/** Each post and page's output page (`posts/a/index.html`) → its source, for the check to report in. */
function pageSources(result: BuildResult, sources: SiteSources, config: SiteConfig): Map<string, SourceFile> {
  const byPath = new Map([...sources.posts, ...sources.pages].map((source) => [source.path, source]));
  const pages = new Map<string, SourceFile>();
  for (const { url, file } of result.published) {
    const source = byPath.get(file);
    if (source && url.startsWith(config.basePath)) pages.set(`${url.slice(config.basePath.length)}index.html`, source);
  }
  return pages;
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
