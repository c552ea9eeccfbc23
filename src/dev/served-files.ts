import { sameBytes } from "../output/diff-outputs.js";

/**
 * The output the dev server serves: the last whole build's files, with the pages of the
 * quick answers given since in place of theirs. The whole build's own map is never changed:
 * the next build is compared with it, so it tells those pages' changes once more.
 */
export interface ServedFiles {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Puts `bytes` at `outputPath`; false (and nothing done) when it holds those bytes already. */
  patch(outputPath: string, bytes: Uint8Array): boolean;
  /** Serves `files` (a whole build's) from now on. */
  reset(files: ReadonlyMap<string, Uint8Array>): void;
}

/** ServedFiles over `files`. */
export function createServedFiles(files: ReadonlyMap<string, Uint8Array>): ServedFiles {
  let served = files;
  // A copy made on the first patch after a whole build, then changed in place.
  let patched: Map<string, Uint8Array> | undefined;
  return {
    get files() {
      return served;
    },
    patch(outputPath, bytes) {
      const old = served.get(outputPath);
      if (old !== undefined && sameBytes(old, bytes)) return false;
      patched ??= new Map(served);
      patched.set(outputPath, bytes);
      // A whole build's files are in path order; a page at a new path goes to its place.
      if (old === undefined) patched = new Map([...patched].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      served = patched;
      return true;
    },
    reset(next) {
      served = next;
      patched = undefined;
    },
  };
}
