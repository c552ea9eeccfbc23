import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { isAnimated } from "./is-animated.js";
import type { AssetInfo } from "../model.js";

/** What reading an image file gave: its size, or why it has none. */
export type ImageInfo = Pick<AssetInfo, "width" | "height" | "invalidImage" | "digest" | "bytes">;

// image-size loads with the first image to measure: a site without images never loads it.
// Sizes are read synchronously, so it is required (its CommonJS build: the same code).
const require = createRequire(import.meta.url);
let loaded: typeof import("image-size") | undefined;
const imageSize = (bytes: Uint8Array) => (loaded ??= require("image-size") as typeof import("image-size")).imageSize(bytes);

const RASTER_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif)$/i;

/** Whether the file is a raster image by its name, whose whole bytes are read for its variants (images/). */
export const isRasterFile = (name: string): boolean => RASTER_EXTENSIONS.test(name);

/**
 * imageInfoOf, with the digest and length of the whole file when it is a readable raster
 * image that does not move: what names its responsive variants. `bytes` must be the whole file.
 */
export function wholeImageInfoOf(name: string, bytes: Uint8Array): ImageInfo | undefined {
  const info = imageInfoOf(name, bytes);
  // An animated image gets no digest, so no variants: a still one would stop it.
  if (info === undefined || info.width === undefined || !isRasterFile(name) || isAnimated(name, bytes)) return info;
  return { ...info, digest: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

const IMAGE_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/** Whether daylight reads this file's dimensions (by extension: png, jpg, jpeg, gif, webp, avif, svg). */
export function isImageFile(name: string): boolean {
  return IMAGE_EXTENSIONS.test(name);
}

/**
 * The size of the image `name` whose first bytes are `bytes`; undefined for files that are
 * not images by extension. Never throws: a corrupt raster image gets `invalidImage` instead.
 */
export function imageInfoOf(name: string, bytes: Uint8Array): ImageInfo | undefined {
  if (!isImageFile(name)) return undefined;
  const svg = /\.svg$/i.test(name);
  // An SVG with only a viewBox (or none) has an aspect ratio but no intrinsic size: it fills
  // its container, so fixed width/height attributes would be wrong, not helpful.
  if (svg && !declaresSvgSize(bytes)) return {};
  try {
    const size = imageSize(bytes);
    if (!(size.width > 0 && size.height > 0)) return svg ? {} : { invalidImage: "it has no size" };
    // EXIF orientations 5–8 turn the picture by 90°: browsers show it with the sides swapped.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch (e) {
    return svg ? {} : { invalidImage: e instanceof Error ? e.message : String(e) };
  }
}

const SVG_ROOT = /<svg\s(?:[^>"']|"[^"]*"|'[^']*')*>/;
const ABSOLUTE_LENGTH = /^\s*[0-9.]+(?:e\d+)?(?:px|in|cm|mm|pt|pc)?\s*$/;

/** Whether the root `<svg>` element gives a width or a height in absolute units (not `%`, not `auto`). */
function declaresSvgSize(bytes: Uint8Array): boolean {
  const root = SVG_ROOT.exec(new TextDecoder().decode(bytes))?.[0];
  if (root === undefined) return false;
  return ["width", "height"].some((name) => {
    const value = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(root)?.[2];
    return value !== undefined && ABSOLUTE_LENGTH.test(value);
  });
}
