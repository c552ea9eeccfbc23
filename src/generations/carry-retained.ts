import { warning, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { runPool } from "../files/run-pool.js";
import { cacheClassOf } from "./cache-class-of.js";
import type { GenerationRecord, ManifestFile } from "./manifest.js";
import type { PreviousGeneration, RetainedFile } from "./read-previous.js";
import { outputSpace } from "./url-paths.js";

/** The earlier generations as kept (each listing only the assets that could be carried), and the carried files. */
export interface CarriedAssets {
  readonly generations: readonly GenerationRecord[];
  readonly files: readonly OutputFile[];
  readonly digests: ReadonlyMap<string, ManifestFile>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Brings the hashed assets of the retained generations into the new output, from the
 * previous one. The new build's own files win; an asset that is missing or whose bytes do
 * not match its hash is a `retained-asset` warning and is not carried (old pages may then
 * miss it, but a wrong file is never served under a name that promises its bytes).
 */
export async function carryRetained(
  retained: readonly GenerationRecord[],
  previous: PreviousGeneration | undefined,
  ownPaths: ReadonlySet<string>,
  concurrency = 8,
): Promise<CarriedAssets> {
  const own = outputSpace(ownPaths);
  const wanted = [...new Set(retained.flatMap((g) => g.assets))].filter((path) => !own.occupied(path)).sort();
  const files = new Map<string, OutputFile>();
  const digests = new Map<string, ManifestFile>();
  const diagnostics: Diagnostic[] = [];
  await runPool(wanted, concurrency, async (path) => {
    const result = await loadRetained(path, previous);
    if ("file" in result) {
      files.set(path, result.file.file);
      digests.set(path, result.digest);
    } else {
      diagnostics.push(warning("retained-asset", `${path} of an earlier generation is not kept: ${result.problem}`,
        undefined, undefined, `pages of earlier generations that browsers still hold may miss it; it came from ${previous?.location ?? "nowhere"}`));
    }
  });
  const keep = (path: string) => ownPaths.has(path) || files.has(path);
  return {
    generations: retained.map((g) => ({ ...g, assets: g.assets.filter(keep) })),
    files: [...files.keys()].sort().map((path) => files.get(path) as OutputFile),
    digests,
    diagnostics: diagnostics.sort((a, b) => (a.message < b.message ? -1 : 1)),
  };
}

async function loadRetained(
  path: string,
  previous: PreviousGeneration | undefined,
): Promise<{ file: Extract<RetainedFile, { file: unknown }>; digest: ManifestFile } | { problem: string }> {
  const expected = previous?.manifest.files[path];
  if (!previous || !expected) return { problem: "the previous manifest does not list it" };
  if (cacheClassOf(path) !== "immutable") return { problem: "its name carries no content hash" };
  const result = await previous.loadFile(path, expected);
  return "file" in result ? { file: result, digest: { ...expected, cache: "immutable" } } : result;
}
