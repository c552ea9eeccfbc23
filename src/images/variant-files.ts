import { warning, type Diagnostic } from "../diagnostics.js";
import type { AssetSource } from "../assets/asset-index.js";
import type { OutputFile } from "../model.js";
import { runPool } from "../files/run-pool.js";
import type { ImageSettings } from "../config/image-settings.js";
import { planVariants, type Variant } from "./plan-variants.js";
import { diskVariantCache, memoryVariantCache } from "./variant-cache.js";

/** The variant files a build publishes, and what went wrong making any. */
export interface VariantFiles {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

// libvips spreads one encode over its own threads: two at a time keep a small machine busy.
const ENCODES_AT_ONCE = 2;

/**
 * Every variant of every raster image a rendered post uses (the same list the renders named:
 * planVariants), taken from the cache when it holds it and encoded otherwise. A build whose
 * images did not change encodes nothing and loads no encoder. With `cacheDir`, variants are
 * kept in its `images/` folder; without, in this process.
 */
export async function imageVariantFiles(
  assets: readonly AssetSource[],
  usedKeys: ReadonlySet<string>,
  settings: ImageSettings | false,
  cacheDir: string | undefined,
): Promise<VariantFiles> {
  const planned = settings === false ? [] : plannedVariants(assets, usedKeys, settings);
  const cache = cacheDir === undefined ? memoryVariantCache() : diskVariantCache(cacheDir);
  const files: OutputFile[] = [];
  const missing: Array<{ variant: Variant; source: AssetSource }> = [];
  for (const item of planned) {
    const found = cache.find(item.variant);
    if (found) files.push(found);
    else missing.push(item);
  }
  const diagnostics: Diagnostic[] = [];
  if (missing.length > 0) {
    const { encodeVariant } = await import("./encode-variant.js");
    await runPool(missing, ENCODES_AT_ONCE, async ({ variant, source }) => {
      const bytes = await encodeVariant(source.sourcePath, variant).catch((e: unknown) => {
        diagnostics.push(unencodable(source, e));
        return undefined;
      });
      if (bytes !== undefined) files.push(await cache.keep(variant, bytes));
    });
  }
  if (planned.length > 0 || cacheDir === undefined) await cache.keepOnly(new Set(planned.map(({ variant }) => variant.id)));
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics };
}

/** Each variant to publish once, with the file it is made from. */
function plannedVariants(assets: readonly AssetSource[], usedKeys: ReadonlySet<string>, settings: ImageSettings) {
  const byPath = new Map<string, { variant: Variant; source: AssetSource }>();
  for (const source of assets) {
    if (source.image?.digest === undefined || !usedKeys.has(source.key)) continue;
    for (const variant of planVariants(source.key, { url: "", ...source.image }, settings)) byPath.set(variant.path, { variant, source });
  }
  return [...byPath.values()].sort((a, b) => (a.variant.path < b.variant.path ? -1 : 1));
}

function unencodable(source: AssetSource, e: unknown) {
  const why = e instanceof Error ? e.message : String(e);
  return warning("invalid-image", `\`${source.key}\` could not be encoded for its responsive variants (${why})`, source.key, undefined,
    "check that the file is a complete image whose format matches its extension");
}
