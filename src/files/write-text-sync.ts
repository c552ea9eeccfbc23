import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { attachErrorPath } from "./attach-error-path.js";

/**
 * Writes text (or parts of it, one after another) to a new file (`wx`: it must not exist)
 * with no buffer of its own.
 * writeFileSync makes a buffer per file, freed only when V8 collects it: tens of thousands
 * of page-sized ones, freed late, left the allocator's heap fragmented and hundreds of
 * megabytes larger. writeSync's temporary is freed at once.
 * On a failure (a full disk…) the partial file is removed, and the error names `target`.
 */
export function writeTextSync(target: string, text: string | Iterable<string>): void {
  const fd = openSync(target, "wx");
  try {
    for (const part of typeof text === "string" ? [text] : text) writePart(fd, part);
  } catch (e) {
    closeAfterFailure(fd);
    throw removeAfterFailure(target, e);
  }
  try {
    closeSync(fd);
  } catch (e) {
    throw removeAfterFailure(target, e); // some file systems report a failed write only here
  }
}

function closeAfterFailure(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write's own failure is the news.
  }
}

/** The file was made by this call (`wx`): half of it is no use to anyone. */
function removeAfterFailure(target: string, e: unknown): unknown {
  rmSync(target, { force: true });
  return attachErrorPath(e, target);
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
