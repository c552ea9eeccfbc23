/**
 * Whether the image whose bytes are `bytes` (named `name`) moves: a GIF with more than one
 * frame, a WebP with an animation chunk, an AVIF image sequence. Such an image is passed
 * through: a still variant would stop it in every browser that takes the variant.
 */
export function isAnimated(name: string, bytes: Uint8Array): boolean {
  if (/\.gif$/i.test(name)) return gifFrames(bytes) > 1;
  if (/\.webp$/i.test(name)) return ascii(bytes, 12, 4) === "VP8X" && ((bytes[20] ?? 0) & 0x02) !== 0;
  if (/\.avif$/i.test(name)) return ascii(bytes, 4, 4) === "ftyp" && ascii(bytes, 8, 4) === "avis";
  return false;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));

/** How many frames (image descriptors) a GIF holds, walking its blocks; 0 when it is not one. */
function gifFrames(bytes: Uint8Array): number {
  if (!ascii(bytes, 0, 3).startsWith("GIF")) return 0;
  const flags = bytes[10] ?? 0;
  let at = 13 + ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) break;
    if (block === 0x21) {
      at = skipSubBlocks(bytes, at + 2);
    } else if (block === 0x2c) {
      frames++;
      if (frames > 1) return frames;
      const local = bytes[at + 9] ?? 0;
      at += 10 + ((local & 0x80) !== 0 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      at = skipSubBlocks(bytes, at + 1);
    } else {
      break;
    }
  }
  return frames;
}

/** The offset past a chain of data sub-blocks starting at `at` (each a length byte, then that many bytes; 0 ends it). */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const size = bytes[at] ?? 0;
    at += 1 + size;
    if (size === 0) break;
  }
  return at;
}
