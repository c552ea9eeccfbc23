import { readFileSync } from "node:fs";
import path from "node:path";
import { writeWholeInParts } from "./build-record.js";

/**
 * Small entries of one kind kept in a single file of the cache folder, read whole at the
 * first `get` and written whole by `save`: parsed headers, the facts of renderings. A file
 * per entry (kept-entries.ts, for pages and HTML) cost more to open and check than these
 * entries cost to make. Entries are plain JSON; one that fails `isValid`, or a file of other
 * code, damaged or cut short, is not used (every entry is made again).
 */
export interface BundledEntries<T> {
  /** The entry under `key` (this build's, or the file's); marks it used. */
  get(key: string): T | undefined;
  keep(key: string, value: T): void;
  /**
   * Writes the file when this build changed what it should hold: after a successful build,
   * the entries it used; after a failed one, those and the file's. Throws when it cannot.
   */
  save(succeeded: boolean): void;
}

const fileFormat = 1;

/** The entries of `<dir>/<name>.json`, made by the code `identity`. */
export function openBundledEntries<T>(dir: string, name: string, identity: string, isValid: (value: unknown) => value is T): BundledEntries<T> {
  const file = path.join(dir, `${name}.json`);
  let read: Map<string, T> | undefined;
  const stored = () => (read ??= readBundle(file, identity, isValid));
  const used = new Map<string, T>();
  let added = false;
  return {
    get(key) {
      const found = used.get(key) ?? stored().get(key);
      if (found !== undefined) used.set(key, found);
      return found;
    },
    keep(key, value) {
      used.set(key, value);
      added = true;
    },
    save(succeeded) {
      const before = read ?? new Map<string, T>();
      if (!added && (!succeeded || used.size === before.size)) return;
      const entries = succeeded ? used : new Map([...before, ...used]);
      writeWholeInParts(dir, file, function* () {
        yield `${JSON.stringify({ format: fileFormat, identity }).slice(0, -1)},"entries":{`;
        let first = true;
        for (const [key, value] of entries) {
          yield `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(value)}`;
          first = false;
        }
        yield "}}";
      });
    },
  };
}

function readBundle<T>(file: string, identity: string, isValid: (value: unknown) => value is T): Map<string, T> {
  try {
    const bundle = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; identity?: unknown; entries?: unknown };
    if (bundle.format !== fileFormat || bundle.identity !== identity || typeof bundle.entries !== "object" || bundle.entries === null) return new Map();
    const entries = Object.entries(bundle.entries as Record<string, unknown>);
    return entries.every(([, entry]) => isValid(entry)) ? new Map(entries as [string, T][]) : new Map();
  } catch {
    return new Map(); // none yet, or damaged: made again
  }
}
