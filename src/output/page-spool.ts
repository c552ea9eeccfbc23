import { closeSync, existsSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { attachErrorPath } from "../files/attach-error-path.js";
import { outputPathOf } from "./output-slots.js";

/**
 * Where the disk writer parks texts a build needs again after a while: one file, appended to,
 * each text read back by offset. Pages show their backlinks, so none can be made before every
 * post is rendered: held until then, 20,000 posts' rendered HTML is some 400 MB, and their
 * sources 200 MB more. Parked, they cost one sequential write.
 */
export interface PageSpool {
  /** Parks `text` and returns what reads it back (a post's rendered HTML, until its pages are made). */
  park(text: string): () => string;
  /** Frees the file; texts parked before cannot be read after this. */
  close(): void;
}

/**
 * A spool file's name beside the output folder `outDir` (one per process), or in the
 * nearest folder above it that exists: a build that fails must not leave a new folder.
 */
export function spoolFileOf(outDir: string): string {
  const output = outputPathOf(outDir);
  let dir = dirname(output);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, `.${basename(output)}.spool-${process.pid}`);
}

/**
 * A spool in a file named `file` (its folder must exist), unlinked as soon as it is open:
 * only this process can reach it, and the system frees it when the process ends, however it
 * ends. Put it beside the output, on the same disk, rather than in a temporary folder that
 * may live in memory.
 */
export function openPageSpool(file: string): PageSpool {
  const fd = openSync(file, "w+");
  unlinkSync(file);
  let end = 0;
  let open = true;
  // Text is written as it is, with no buffer of its own: a buffer per page, made and freed
  // by the thousand, left the allocator's heap hundreds of megabytes larger than it needed.
  // Errors name the spool's file: its descriptor alone tells a user nothing.
  const append = (text: string) => {
    try {
      return appendAt(text);
    } catch (e) {
      throw attachErrorPath(e, file);
    }
  };
  const appendAt = (text: string) => {
    const offset = end;
    const size = Buffer.byteLength(text, "utf8");
    let written = writeSync(fd, text, offset, "utf8");
    if (written < size) {
      // A short write (rare, on a nearly full disk) goes on from the bytes, which can be split anywhere.
      const bytes = Buffer.from(text, "utf8");
      while (written < size) written += writeSync(fd, bytes, written, size - written, offset + written);
    }
    end += size;
    return { offset, size };
  };
  let scratch = Buffer.alloc(0);
  const readInto = (back: Buffer, offset: number, size: number, what: string) => {
    if (!open) throw new Error(`the page spool is closed: ${what} cannot be read back`);
    for (let done = 0; done < size; ) {
      const got = readOrName(() => readSync(fd, back, done, size - done, offset + done));
      if (got === 0) throw new Error(`the page spool ended early reading ${what}`);
      done += got;
    }
    return back;
  };
  const readOrName = (read: () => number) => {
    try {
      return read();
    } catch (e) {
      throw attachErrorPath(e, file);
    }
  };
  const readText = (offset: number, size: number, what: string) => {
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length, 1 << 16));
    return readInto(scratch, offset, size, what).toString("utf8", 0, size);
  };
  return {
    park(text) {
      const { offset, size } = append(text);
      return () => readText(offset, size, "a parked text");
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
