import sharp from "sharp";

/**
 * A picture `width`×`height` with detail everywhere (gradients crossed with a pattern), so it
 * is far above the size under which images pass through, in the format of `name`'s extension.
 */
export async function photo(width: number, height: number, format: "jpeg" | "png" | "webp" = "jpeg"): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.floor((x * 255) / width);
      pixels[i + 1] = Math.floor((y * 255) / height);
      pixels[i + 2] = (x ^ y) & 255;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (format === "png" ? image.png() : format === "webp" ? image.webp() : image.jpeg({ quality: 85 })).toBuffer();
}
