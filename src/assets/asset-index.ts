import path from "node:path";
import type { AssetIndex, AssetInfo, OutputFile } from "../model.js";
import { hashedName } from "./hashed-name.js";
import { wholeImageInfoOf, type ImageInfo } from "./image-info.js";

/** A local file that posts may reference. */
export interface AssetSource {
  /** The AssetIndex key: its path from the site root (`posts/2024/img/plot.png`, `public/images/x.png`). */
  readonly key: string;
  readonly sourcePath: string;
  /** Where it is published, relative to the output folder. */
  readonly outputPath: string;
  /** For an image file: its size, read when the file was read (renders never touch the disk). */
  readonly image?: ImageInfo | undefined;
}

/**
 * A file beside the posts, published under a content-hashed name so that it can be cached
 * forever. An image's size is read from the same bytes.
 */
export function postAssetSource(key: string, sourcePath: string, bytes: Uint8Array): AssetSource {
  const outputPath = hashedName(`assets/${path.posix.basename(key)}`, bytes);
  return { key, sourcePath, outputPath, image: wholeImageInfoOf(key, bytes) };
}

/** A file from public/, published under its own name: users link to it. `image` is its size when it is an image. */
export function publicAssetSource(relativePath: string, sourcePath: string, image?: ImageInfo): AssetSource {
  return { key: `public/${relativePath}`, sourcePath, outputPath: relativePath, image };
}

/** key → URL path (base path included) and image size, for every asset. */
export function buildAssetIndex(assets: readonly AssetSource[], basePath: string): AssetIndex {
  return new Map(
    assets.map((asset): [string, AssetInfo] => [asset.key, { url: basePath + encodeURI(asset.outputPath), ...asset.image }]),
  );
}

/**
 * The files to publish: all of public/, and the post assets that some rendered post uses
 * (a picture beside a draft stays private until the draft is published). Two post assets
 * with one name and the same bytes (the same `cover.png` in two page bundles) have one
 * content-hashed name: they are one file, published once, not two sources for one path.
 */
export function assetOutputFiles(assets: readonly AssetSource[], usedKeys: ReadonlySet<string>): OutputFile[] {
  const hashedPaths = new Set<string>();
  return assets
    .filter((asset) => isPublicAsset(asset) || usedKeys.has(asset.key))
    .filter((asset) => {
      if (isPublicAsset(asset)) return true;
      if (hashedPaths.has(asset.outputPath)) return false;
      hashedPaths.add(asset.outputPath);
      return true;
    })
    .map((asset) => ({ path: asset.outputPath, sourcePath: asset.sourcePath }));
}

/** True for a file of public/ (published under its own name), false for a post's own asset. */
export const isPublicAsset = (asset: AssetSource): boolean => asset.key.startsWith("public/");
