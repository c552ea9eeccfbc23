import { createRequire } from "node:module";
import { variantEffort, type Variant } from "./plan-variants.js";

// sharp (libvips, prebuilt in its npm packages) loads with the first variant to encode: a
// site without raster images, or whose variants are all cached, never loads it.
const require = createRequire(import.meta.url);
type Sharp = typeof import("sharp").default;
let sharp: Sharp | undefined;
let encodes = 0;

/**
 * The bytes of `variant` made from the image file at `sourcePath`: turned upright by its EXIF
 * orientation (as browsers show it, and as its width and height were read), scaled to the
 * variant's width, metadata dropped, encoded. An animated GIF gives its first frame.
 */
export async function encodeVariant(sourcePath: string, variant: Variant): Promise<Buffer> {
  sharp ??= require("sharp") as Sharp;
  encodes++;
  const image = sharp(sourcePath, { failOn: "none" }).rotate().resize({ width: variant.width, withoutEnlargement: true });
  return variant.format === "avif"
    ? image.avif({ quality: variant.quality, effort: variantEffort.avif }).toBuffer()
    : image.webp({ quality: variant.quality, effort: variantEffort.webp }).toBuffer();
}

/** How many variants this process has encoded (for tests and the bench: a warm build encodes none). */
export const encodeCount = (): number => encodes;
