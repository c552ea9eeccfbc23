import { readFile } from "node:fs/promises";
import type { OutputFile } from "../model.js";
import { diffOutputs } from "./diff-outputs.js";
import { assertValidOutputPaths } from "../files/validate-output-paths.js";
import type { WriteReport, Writer } from "./writer.js";

/** A Writer that keeps the output in memory, `path → bytes`; each write replaces the whole set. */
export type MemoryWriter = Writer & {
  readonly files: ReadonlyMap<string, Uint8Array>;
};

/** An in-memory output for tests and the dev server; `sourcePath` files are read from disk. */
export function createMemoryWriter(): MemoryWriter {
  let current: ReadonlyMap<string, Uint8Array> = new Map();
  // The text each generated file had last time, with its bytes: a dev rebuild regenerates a
  // thousand unchanged pages, which need no encoding again (nor byte-wise comparing).
  let encoded = new Map<string, { text: string; bytes: Uint8Array }>();
  return {
    get files() {
      return current;
    },
    stage: (path, text) => ({ path, contents: text }),
    park: (text) => () => text,
    async write(files) {
      assertValidOutputPaths(files);
      // Read everything first: a failed read leaves the previous set in place, like the disk writer.
      const nextEncoded = new Map<string, { text: string; bytes: Uint8Array }>();
      // Texts are encoded at once, one pass with no promise each (a dev rebuild hands over
      // 13,000 files at 4,000 posts); only files read from disk are waited for.
      const entries: Array<readonly [string, Uint8Array]> = [];
      const reads: Array<Promise<void>> = [];
      for (const file of files) {
        if ("contents" in file && typeof file.contents === "string") {
          const last = encoded.get(file.path);
          const bytes = last?.text === file.contents ? last.bytes : new TextEncoder().encode(file.contents);
          nextEncoded.set(file.path, { text: file.contents, bytes });
          entries.push([file.path, bytes]);
        } else {
          const at = entries.push([file.path, new Uint8Array()]) - 1;
          reads.push(bytesOf(file).then((bytes) => void (entries[at] = [file.path, bytes])));
        }
      }
      await Promise.all(reads);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const next = new Map(entries);
      const report = compare(current, next);
      current = next;
      encoded = nextEncoded;
      return report;
    },
  };
}

async function bytesOf(file: OutputFile): Promise<Uint8Array> {
  if ("sourcePath" in file) return new Uint8Array(await readFile(file.sourcePath));
  // Copy so that a caller mutating its buffer later cannot change the "written" output.
  return typeof file.contents === "string" ? new TextEncoder().encode(file.contents) : Uint8Array.from(file.contents);
}

function compare(before: ReadonlyMap<string, Uint8Array>, after: ReadonlyMap<string, Uint8Array>): WriteReport {
  const { changed, removed, unchanged } = diffOutputs(before, after);
  return { written: changed.length, unchanged, removed: removed.length };
}
