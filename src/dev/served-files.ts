import { sameBytes } from "../output/diff-outputs.js";

/**
 * The output the dev server serves: the last whole build's files, with the pages of the
 * quick answers given since in place of theirs. The whole build's own map is never changed:
 * the next build is compared with it, so it tells those pages' changes once more.
 */
export interface ServedFiles {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Puts a quick answer's `bytes` at `outputPath`; false (and nothing done) when it holds those bytes already. */
  patch(outputPath: string, bytes: Uint8Array): boolean;
  /** How many quick answers were given: a whole build notes it when it reads its sources. */
  answers(): number;
  /**
   * Serves `files`, a whole build's that read its sources after `answers` quick answers,
   * with the pages of the answers given since over them: the build did not see those edits.
   * Ends what `early` served.
   */
  reset(files: ReadonlyMap<string, Uint8Array>, answers?: number): void;
  /**
   * Serves files of a whole build still running ahead of it (a new post's page, the search
   * index), under the quick answers' pages, until the build is served or `dropEarly` is told.
   */
  early(files: ReadonlyMap<string, Uint8Array>): void;
  /** Stops serving what `early` served: the build it came from failed. */
  dropEarly(): void;
}

/**
 * ServedFiles over `files`. The quick answers' pages lie over the build's map rather than in
 * a copy of it: copying the 13,000 files of the 4,000-post bench site took 4–11 ms of each
 * quick answer that followed a whole build.
 */
export function createServedFiles(files: ReadonlyMap<string, Uint8Array>): ServedFiles {
  let built = files;
  let served = files;
  let count = 0;
  // Output path → the latest quick answer's page there, and that answer's number.
  let answered = new Map<string, { bytes: Uint8Array; answer: number }>();
  let ahead = new Map<string, Uint8Array>();
  const overlay = () => {
    const over = new Map([...ahead, ...[...answered].map(([path, page]) => [path, page.bytes] as const)]);
    served = over.size === 0 ? built : overlaid(built, over);
  };
  return {
    get files() {
      return served;
    },
    patch(outputPath, bytes) {
      const old = served.get(outputPath);
      if (old !== undefined && sameBytes(old, bytes)) return false;
      answered.set(outputPath, { bytes, answer: ++count });
      overlay();
      return true;
    },
    answers: () => count,
    reset(next, answers = count) {
      built = next;
      answered = new Map([...answered].filter(([, page]) => page.answer > answers));
      ahead = new Map();
      overlay();
    },
    early(files) {
      ahead = new Map([...ahead, ...files]);
      overlay();
    },
    dropEarly() {
      if (ahead.size === 0) return;
      ahead = new Map();
      overlay();
    },
  };
}

/** `base` with `over`'s entries in place of (or beside) its own, in path order as a whole build's are. */
function overlaid(base: ReadonlyMap<string, Uint8Array>, over: ReadonlyMap<string, Uint8Array>): ReadonlyMap<string, Uint8Array> {
  // Reads look in `over` first; walking the whole map (rare: tests, a full listing) merges the two once.
  let merged: Map<string, Uint8Array> | undefined;
  const all = () => (merged ??= new Map([...base, ...over].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  return {
    get: (path) => over.get(path) ?? base.get(path),
    has: (path) => over.has(path) || base.has(path),
    get size() {
      return all().size;
    },
    forEach: (each, self) => all().forEach((value, key) => each.call(self, value, key, all())),
    entries: () => all().entries(),
    keys: () => all().keys(),
    values: () => all().values(),
    [Symbol.iterator]: () => all()[Symbol.iterator](),
  };
}
