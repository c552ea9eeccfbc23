import { createHash } from "node:crypto";
import path from "node:path";
import type { AssetIndex, OutputFile } from "../model.js";

/** A local file that posts may reference. */
export interface AssetSource {
  /** The AssetIndex key: its path from the site root (`posts/2024/img/plot.png`, `public/images/x.png`). */
  readonly key: string;
  readonly sourcePath: string;
  /** Where it is published, relative to the output folder. */
  readonly outputPath: string;
}

/** A file beside the posts, published under a content-hashed name so that it can be cached forever. */
export function postAssetSource(key: string, sourcePath: string, bytes: Uint8Array): AssetSource {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
  const { name, ext } = path.posix.parse(key);
  return { key, sourcePath, outputPath: `assets/${name}.${hash}${ext}` };
}

/** A file from public/, published under its own name: users link to it. */
export function publicAssetSource(relativePath: string, sourcePath: string): AssetSource {
  return { key: `public/${relativePath}`, sourcePath, outputPath: relativePath };
}

/** key → URL path (base path included) for every asset. */
export function buildAssetIndex(assets: readonly AssetSource[], basePath: string): AssetIndex {
  return new Map(assets.map((asset) => [asset.key, basePath + encodeURI(asset.outputPath)]));
}

/**
 * The files to publish: all of public/, and the post assets that some rendered post uses
 * (a picture beside a draft stays private until the draft is published).
 */
export function assetOutputFiles(assets: readonly AssetSource[], usedKeys: ReadonlySet<string>): OutputFile[] {
  return assets
    .filter((asset) => asset.key.startsWith("public/") || usedKeys.has(asset.key))
    .map((asset) => ({ path: asset.outputPath, sourcePath: asset.sourcePath }));
}
