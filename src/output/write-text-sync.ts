import { closeSync, openSync, writeSync } from "node:fs";

/**
 * Writes text (or parts of it, one after another) to a new file (`wx`: it must not exist)
 * with no buffer of its own.
 * writeFileSync makes a buffer per file, freed only when V8 collects it: tens of thousands
 * of page-sized ones, freed late, left the allocator's heap fragmented and hundreds of
 * megabytes larger. writeSync's temporary is freed at once.
 */
export function writeTextSync(target: string, text: string | readonly string[]): void {
  const fd = openSync(target, "wx");
  try {
    for (const part of typeof text === "string" ? [text] : text) writePart(fd, part);
  } finally {
    closeSync(fd);
  }
}

function writePart(fd: number, text: string): void {
  const size = Buffer.byteLength(text, "utf8");
  let written = writeSync(fd, text, null, "utf8");
  if (written < size) {
    // A short write (rare, on a nearly full disk) goes on from the bytes, which can be split anywhere.
    const bytes = Buffer.from(text, "utf8");
    while (written < size) written += writeSync(fd, bytes, written, size - written);
  }
}
