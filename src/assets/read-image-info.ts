import { open, readFile } from "node:fs/promises";
import { imageInfoOf, isImageFile, isRasterFile, wholeImageInfoOf, type ImageInfo } from "./image-info.js";

// Every format's size sits in its first bytes; image-size itself reads no more than this.
const HEAD_BYTES = 512 * 1024;
// Files are read a few at a time so that a public/ folder of thousands of photos cannot exhaust file handles.
const CONCURRENCY = 16;

/**
 * The size of each of `files` that is an image (undefined for the others), reading only each
 * file's head; a raster image is read whole, for the digest that names its variants.
 */
export async function readImageInfos(files: readonly string[]): Promise<Array<ImageInfo | undefined>> {
  const infos: Array<ImageInfo | undefined> = new Array(files.length).fill(undefined);
  const queue = files.flatMap((file, i) => (isImageFile(file) ? [i] : []));
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const file = files[i] ?? "";
      infos[i] = isRasterFile(file) ? wholeImageInfoOf(file, await readFile(file)) : imageInfoOf(file, await readHead(file));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return infos;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
