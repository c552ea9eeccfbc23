import { buildSite, type BuildResult } from "./build-site.js";
import type { CliBuildCache } from "./cache/open-build-cache.js";
import { checkOutput } from "./check/check-output.js";
import { createSiteScans, type SiteScans } from "./check/site-scans.js";
import type { SitePlugins } from "./config/resolve-site-config.js";
import type { BuildOptions, SiteConfig } from "./config/site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { hashBytes, type FileDigest } from "./files/hash-file.js";
import type { OutputFile, SourceFile } from "./model.js";
import type { Manifest } from "./generations/manifest.js";
import { planGeneration, type GenerationSummary } from "./generations/plan-generation.js";
import { readPreviousGeneration, type PreviousSource } from "./generations/read-previous.js";
import { outputContents } from "./files/output-contents.js";
import { repairOutput } from "./output/repair-output.js";
import type { Writer } from "./output/writer.js";
import type { SiteSources } from "./read/read-site.js";
import { applyRules } from "./rules/apply-rules.js";
import { createPageLedger, type EarlierPages, type PageLedger, type SealedLedger } from "./cache/page-ledger.js";
import type { PageKeeper, UnchangedPage } from "./site/page-sink.js";
import { noteTiming, timed, timedAsync } from "./timings/stage-timings.js";

/** Where and how a site is published: its output, the writer of it, the cache, the previous generation. */
export interface PublishTarget {
  readonly outDir: string;
  readonly writer: Writer;
  readonly cache: CliBuildCache;
  /** Where the previous generation is read from: the output itself, or `--previous`. */
  readonly previous: PreviousSource;
  readonly plugins?: SitePlugins | undefined;
  /** Diagnostics found before the build (the config's): reported with the build's own. */
  readonly earlier: readonly Diagnostic[];
  /** Parks a source's text once the render step is done with it (BuildSiteOptions.parkSource; see output/parked-sources.ts). */
  readonly parkSource?: ((source: SourceFile) => void) | undefined;
  /** Told once every post is rendered (BuildSiteOptions.allRendered). */
  readonly allRendered?: (() => void) | undefined;
  /** Told the diagnostics once the output is checked, before anything is written. */
  readonly checked: (diagnostics: readonly Diagnostic[]) => void;
  /** The last build's pages that may be taken as they are (see cache/page-ledger.ts); none without a cache. */
  readonly earlierPages?: EarlierPages | undefined;
}

/**
 * What a publish did: nothing, for the `diagnostics` (errors among them); or it wrote the
 * generation `summary`, and `diagnostics` are what saving the cache had to say (those of the
 * build went to `checked`).
 */
export type Published =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly ok: true;
      readonly diagnostics: readonly Diagnostic[];
      readonly result: BuildResult;
      readonly summary: GenerationSummary;
      /** The manifest written: its generations say until when the retained ones are kept. */
      readonly manifest: Manifest;
      /** What each page was made from, for the next build to take unchanged pages as they are; none without a cache. */
      readonly ledger: SealedLedger | undefined;
    };

/**
 * The build command's recipe: build → plan the generation → check → write → save the cache.
 * Writes nothing when any step finds an error, but the cache's new renderings (as good as
 * any; what saving them had to say comes after the build's diagnostics).
 */
export async function publishSite(sources: SiteSources, config: SiteConfig, options: BuildOptions, target: PublishTarget): Promise<Published> {
  const { cache } = target;
  const digests = new Map<string, FileDigest>();
  let scans: SiteScans | undefined = createSiteScans();
  // Without a cache folder there is no next build to read a ledger: none is kept (tens of MB on a large site).
  const ledger = cache.dir === undefined ? undefined : createPageLedger();
  const result = await buildSite(sources, config, options, {
    plugins: target.plugins, cache: cache.cache, park: target.writer.park, parkSource: target.parkSource, allRendered: target.allRendered, imageCacheDir: cache.dir,
    stage: hashedAndScanned(target.writer, { digests, scans, ledger }),
    unchangedPage: target.earlierPages && takenAsTheyAre(target.earlierPages, { digests, scans, ledger }),
  });
  if (target.earlierPages && ledger) noteTiming(`${ledger.taken()} of ${digests.size} generated files were the last build's, unchanged: not made again`);
  // The cache's own warnings say nothing about the site: --strict leaves them warnings.
  const cacheProblems = cache.diagnostics();
  if (hasErrors(result.diagnostics)) {
    return { ok: false, diagnostics: sortDiagnostics([...target.earlier, ...result.diagnostics, ...cacheProblems, ...(await cache.save(false))]) };
  }
  const generation = await timedAsync("plan generation", () => planOutput(target, config, result, digests, options.now));
  const diagnostics = sortDiagnostics([
    ...target.earlier,
    ...result.diagnostics,
    ...cacheProblems,
    ...applyRules(generation.diagnostics, config.rules, options.strict),
    ...timed("check output", () => checkOutput(generation.files, {
      config, scans: scans ?? createSiteScans(), sources: [...sources.posts, ...sources.pages], published: result.published,
      templates: sources.theme.templates, reportedLinks: result.reportedLinks, strict: options.strict,
    })),
  ]);
  // The scans (100 MB and more on a large site) are let go before the write.
  scans = undefined;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: [...diagnostics, ...(await cache.save(false))] };
  target.checked(diagnostics);
  const saveProblems = await writeAndSave(target.writer, generation.files, cache);
  return {
    ok: true, diagnostics: saveProblems, result, summary: generation.summary, manifest: generation.manifest,
    ledger: ledger?.seal(generation.summary.generationId),
  };
}

/**
 * Writes the files and saves the cache at once: both only write (each into its own folder),
 * and overlapping them hides the cache's cost in a cold build. Both are awaited even when the
 * write fails, so that no cache write is still in flight when the locks are released and the
 * process exits. Returns what saving the cache had to say.
 */
async function writeAndSave(writer: Writer, files: readonly OutputFile[], cache: CliBuildCache): Promise<Diagnostic[]> {
  const [written, saved] = await Promise.allSettled([
    writer.write(files),
    timedAsync("save cache (while writing)", () => cache.save(true)),
  ]);
  if (written.status === "rejected") throw written.reason;
  if (saved.status === "rejected") throw saved.reason;
  return saved.value;
}

/** What is learnt of each page as it is made or taken: its digest for the manifest, its scan for the check, both for the ledger. */
interface PageFacts {
  readonly digests: Map<string, FileDigest>;
  readonly scans: SiteScans;
  readonly ledger: PageLedger | undefined;
}

/**
 * The writer's `stage`, hashing each page for the manifest and scanning it for the output
 * check as it is staged, while its text is at hand.
 */
function hashedAndScanned(writer: Writer, { digests, scans, ledger }: PageFacts): PageKeeper {
  return (path, text, key) => {
    const file = writer.stage(path, text);
    const digest = hashBytes(text);
    digests.set(path, digest);
    scans.scan(path, text, () => outputContents(file));
    const scan = scans.get(path);
    if (ledger && key !== undefined && scan !== undefined) ledger.add(path, { key, digest, scan });
    return file;
  };
}

/** The last build's page made from the same key, as the live output holds it, with the facts the ledger kept of it. */
function takenAsTheyAre(earlier: EarlierPages, { digests, scans, ledger }: PageFacts): UnchangedPage {
  return (path, key) => {
    const page = earlier.find(path, key);
    if (page === undefined) return undefined;
    const file: OutputFile = { path, sourcePath: page.file, generated: "unchanged" };
    digests.set(path, page.digest);
    scans.add(path, page.scan, () => outputContents(file));
    ledger?.add(path, page, "taken");
    return file;
  };
}

/**
 * The build as a generation of its output folder: the previous generation decides which old
 * assets stay and which published URLs must survive. An interrupted write is repaired first.
 */
async function planOutput(target: PublishTarget, config: SiteConfig, result: BuildResult, digests: ReadonlyMap<string, FileDigest>, now: Date) {
  await repairOutput(target.outDir);
  const read = await readPreviousGeneration(target.previous);
  const plan = await planGeneration({ files: result.files, previous: read.previous, config, now, published: result.published, digests });
  return { ...plan, diagnostics: [...read.diagnostics, ...plan.diagnostics] };
}
