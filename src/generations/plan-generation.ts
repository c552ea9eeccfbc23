import type { SiteConfig } from "../config/site-config.js";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { cacheClassOf } from "./cache-class-of.js";
import { carryRetained } from "./carry-retained.js";
import { collectRedirects, compare, type PublishedUrl } from "./collect-redirects.js";
import { generationId } from "./generation-id.js";
import { hashOutputFiles, type FileDigest } from "../files/hash-file.js";
import { withHostFiles } from "./host-files.js";
import { type GenerationRecord, type Manifest, type ManifestFile } from "./manifest.js";
import { planLedger } from "./plan-ledger.js";
import { publishedUrlsOf, unpublishedUrls } from "./published-urls.js";
import type { PreviousGeneration } from "./read-previous.js";
import { redirectStubs } from "./redirect-stub.js";
import { selectRetained } from "./select-retained.js";
import { serializeManifest } from "./serialize-manifest.js";
import { outputSpace } from "./url-paths.js";
import { manifestPath } from "../urls/generated-files.js";

/** What a generation is planned from. */
export interface GenerationInput {
  /** The new build's files. */
  readonly files: readonly OutputFile[];
  readonly previous: PreviousGeneration | undefined;
  /** `url` must be set. */
  readonly config: SiteConfig;
  readonly now: Date;
  /** Every post and page URL of this build. */
  readonly published: readonly PublishedUrl[];
  /** Digests of the generated pages, taken as they were staged (or kept from the last build): not read back to be hashed. */
  readonly digests?: ReadonlyMap<string, FileDigest> | undefined;
}

/** What the CLI reports about the generation. */
export interface GenerationSummary {
  readonly generationId: string;
  /** The id of the generation the output held before, if any. */
  readonly previousId: string | undefined;
  /** Hashed files carried over from earlier generations. */
  readonly retained: number;
  readonly retainedGenerations: number;
  /** False when this build's files equal the previous generation's: no new generation. */
  readonly isNew: boolean;
  readonly hadPrevious: boolean;
}

/** The output to write (build files, stubs, host files, carried assets, manifest), and what was decided. */
export interface GenerationPlan {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
  readonly manifest: Manifest;
  readonly summary: GenerationSummary;
}

/**
 * Turns a build into a generation: redirect stubs, `_headers`, `_redirects`, the assets
 * that earlier generations' pages still need, and `daylight-manifest.json` (files, hashes,
 * cache classes, generations, URL ledger). Ledger errors are reported; writing is the caller's call.
 */
export async function planGeneration(input: GenerationInput): Promise<GenerationPlan> {
  const { config, now } = input;
  if (!config.url) throw new Error("planGeneration needs a site url");
  const usable = usablePrevious(input.previous, config);
  const previous = usable.previous;
  const space = outputSpace(input.files.map((file) => file.path));
  const routes = collectRedirects(input.published, config, space);
  const deployed = publishedUrlsOf(previous);
  const ledger = planLedger({ published: input.published, routes, previous: previous?.manifest.urls ?? {}, deployed, space, config, now: now.toISOString() });
  const unpublished = unpublishedUrls(ledger.urls, deployed);
  const host = await withHostFiles([...input.files, ...redirectStubs(routes.redirects, config)], { redirects: routes.redirects, gone: ledger.gone }, config.basePath);
  const own = await hashOutputFiles(host.files, input.digests);
  const { current, earlier } = currentGeneration(own, previous, now);
  const retained = selectRetained(current, earlier, config, now);
  const carried = await carryRetained(retained, previous, new Set(own.keys()));
  const manifest: Manifest = {
    version: 1,
    baseUrl: config.url,
    generations: [current, ...carried.generations],
    files: manifestFiles(own, carried.digests),
    urls: ledger.urls,
    // Absent when a deploy carried every URL: the manifest a deploy publishes has none.
    ...(unpublished.length > 0 ? { unpublished } : {}),
  };
  return {
    files: [...host.files, ...carried.files, { path: manifestPath, contents: serializeManifest(manifest) }],
    diagnostics: [...usable.diagnostics, ...routes.diagnostics, ...ledger.diagnostics, ...host.diagnostics, ...carried.diagnostics],
    manifest,
    summary: {
      generationId: current.id,
      previousId: previous?.manifest.generations[0]?.id,
      retained: carried.files.length,
      retainedGenerations: carried.generations.length,
      isNew: current.id !== previous?.manifest.generations[0]?.id,
      hadPrevious: previous !== undefined,
    },
  };
}

/** This build's record, and the earlier ones: when the files equal the last generation's, it is that generation. */
function currentGeneration(own: ReadonlyMap<string, FileDigest>, previous: PreviousGeneration | undefined, now: Date) {
  const id = generationId(own);
  const assets = [...own.keys()].filter((path) => cacheClassOf(path) === "immutable").sort(compare);
  const before = previous?.manifest.generations ?? [];
  const last = before[0];
  if (last?.id === id) return { current: { ...last, assets } satisfies GenerationRecord, earlier: before.slice(1) };
  return { current: { id, time: now.toISOString(), assets } satisfies GenerationRecord, earlier: before };
}

function manifestFiles(own: ReadonlyMap<string, FileDigest>, carried: ReadonlyMap<string, ManifestFile>): Record<string, ManifestFile> {
  const mine = [...own].map(([path, digest]): [string, ManifestFile] => [path, { ...digest, cache: cacheClassOf(path) }]);
  return Object.fromEntries([...carried, ...mine]);
}

/** A previous generation built for another base path serves other URLs: neither its ledger nor its assets apply. */
function usablePrevious(previous: PreviousGeneration | undefined, config: SiteConfig) {
  if (!previous) return { previous, diagnostics: [] };
  const before = new URL(previous.manifest.baseUrl).pathname.replace(/\/?$/, "/");
  if (before === config.basePath) return { previous, diagnostics: [] };
  const message = `the previous generation (${previous.location}) was built for ${previous.manifest.baseUrl}, this one for ${config.url}: it is not used`;
  const hint = "its URLs lie outside this site's base path, so they are neither kept nor checked; redirect them on the old host";
  return { previous: undefined, diagnostics: [warning("previous-manifest", message, undefined, undefined, hint)] };
}

/** One line for the CLI: which generation this is and what it kept, or that there was no previous one. */
export function describeGeneration(summary: GenerationSummary): string {
  if (!summary.hadPrevious) return `generation ${summary.generationId} (no previous generation: no earlier assets kept, no URLs checked)`;
  const kept = `kept ${summary.retained} asset${summary.retained === 1 ? "" : "s"} of ${summary.retainedGenerations} earlier generation${summary.retainedGenerations === 1 ? "" : "s"}`;
  return summary.isNew ? `generation ${summary.generationId} after ${summary.previousId ?? "none"}, ${kept}` : `generation ${summary.generationId} unchanged, ${kept}`;
}
