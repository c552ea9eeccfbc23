import { lstat, open, readFile, stat } from "node:fs/promises";

/** True when `existing` is a regular file holding exactly `bytes`; false when it is missing. */
export async function fileHoldsBytes(existing: string, bytes: Uint8Array): Promise<boolean> {
  const info = await lstatOrUndefined(existing);
  if (!info?.isFile() || info.size !== bytes.byteLength) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(existing));
}

/** True when `existing` is a regular file with the same bytes as the file `source`. */
export async function filesHoldSameBytes(existing: string, source: string): Promise<boolean> {
  const [info, sourceInfo] = await Promise.all([lstatOrUndefined(existing), stat(source)]);
  if (!info?.isFile() || info.size !== sourceInfo.size) return false;
  if (info.dev === sourceInfo.dev && info.ino === sourceInfo.ino) return true;
  return compareChunks(existing, source);
}

const chunkSize = 1 << 16;

/** Compares two files of equal size chunk by chunk, so large assets never sit whole in memory. */
async function compareChunks(a: string, b: string): Promise<boolean> {
  const [fa, fb] = await Promise.all([open(a, "r"), open(b, "r")]);
  try {
    const bufA = Buffer.alloc(chunkSize);
    const bufB = Buffer.alloc(chunkSize);
    for (;;) {
      const [ra, rb] = await Promise.all([fa.read(bufA, 0, chunkSize, null), fb.read(bufB, 0, chunkSize, null)]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (ra.bytesRead === 0) return true;
      if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead))) return false;
    }
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: an old file sits where the new output has a folder.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
