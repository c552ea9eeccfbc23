import { createHash } from "node:crypto";
import path from "node:path";
import type { AssetInfo } from "../model.js";
import type { ImageSettings } from "../config/image-settings.js";

/** The formats a picture offers, best first: a browser takes the first `<source>` it reads. */
export const variantFormats = ["avif", "webp"] as const;
export type VariantFormat = (typeof variantFormats)[number];

/** Quality per format: AVIF at 50 looks like WebP at 75 and JPEG at 80, at about half the bytes. */
export const variantQuality: Readonly<Record<VariantFormat, number>> = { avif: 50, webp: 75 };

/**
 * How hard each encoder tries. AVIF at effort 2 measured 14× faster than sharp's default 4
 * (0.55 s against 7.5 s for one photo at three widths) for files within 1% of the size.
 */
export const variantEffort: Readonly<Record<VariantFormat, number>> = { avif: 2, webp: 4 };

/**
 * The encoder whose output a variant's name stands for: a new sharp may encode other bytes,
 * so it names other files (tests/images keep this equal to the installed version).
 */
export const encoderVersion = "sharp 0.35.6";

/** One file a picture offers: a source image at one width in one format. */
export interface Variant {
  /** The output path, `assets/<name>-<width>.<8 hex>.<format>`: the hash is of everything that makes its bytes. */
  readonly path: string;
  readonly width: number;
  readonly format: VariantFormat;
  readonly quality: number;
  /** The SHA-256 (hex) of everything that makes its bytes: its name in the build cache. */
  readonly id: string;
}

// Below this many bytes an image is passed through: a variant would save less than its request costs.
export const smallImageBytes = 8 * 1024;

const RASTER = /\.(?:png|jpe?g|gif|webp|avif)$/i;

/** Whether `key` names an image that may get variants (by extension: SVGs never do). */
export const isRasterImage = (key: string): boolean => RASTER.test(key);

/**
 * The variants of the image `key` (what the asset index knows of it): each width of
 * `settings` smaller than the image's own, and the image's own width when that is within
 * the largest, in each format. None for an SVG, an unreadable or small image, or one whose
 * bytes were not read. A pure function of its inputs: the render names the files and the
 * build makes the same ones.
 */
export function planVariants(key: string, info: AssetInfo, settings: ImageSettings): Variant[] {
  const { width, digest, bytes } = info;
  if (!isRasterImage(key) || width === undefined || digest === undefined || bytes === undefined || bytes < smallImageBytes) return [];
  const largest = settings.widths.at(-1) ?? 0;
  const widths = [...settings.widths.filter((w) => w < width), ...(width <= largest ? [width] : [])];
  const stem = path.posix.parse(key).name;
  return widths.flatMap((w) => variantFormats.map((format): Variant => {
    const quality = variantQuality[format];
    const id = createHash("sha256").update(JSON.stringify([digest, w, format, quality, variantEffort[format], encoderVersion])).digest("hex");
    return { path: `assets/${stem}-${w}.${id.slice(0, 8)}.${format}`, width: w, format, quality, id };
  }));
}
