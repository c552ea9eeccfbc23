import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { EntryStore } from "./entry-store.js";
import { decodeEntry, encodeEntryParts } from "./entry-codec.js";
import { createCacheFolders, entryPath } from "./cache-folders.js";
import { createCacheRepairs } from "./cache-repairs.js";
import { pruneEntries } from "./prune-entries.js";
import { damaged, missing, readEntryFile } from "./read-entry-file.js";
import { writeEntries, type EntryTarget } from "./write-entries.js";

export { entryPath } from "./cache-folders.js";

/** A persistent EntryStore: one file per entry (see entry-codec.ts), in a folder only it writes. */
export interface DiskStore extends EntryStore {
  readonly dir: string;
  /** The `cache-entry` warning when this build met entries it could not trust (at most one). */
  diagnostics(): Diagnostic[];
  /**
   * Writes the new entries (each to a temporary file, renamed into place), removes the
   * untrusted entries that were not rewritten and, with `prune`, deletes every entry this
   * build neither read nor wrote and mends the shard folders. Never throws: a cache that
   * cannot be written only costs time, and is reported as a warning. What was mended is one
   * `cache-repair` warning.
   */
  flush(options: { prune: boolean }): Promise<Diagnostic[]>;
}

/**
 * New entries wait in memory, encoded, until this many characters of them are pending;
 * then they are written at once. A first build of a large site stores every post and page:
 * held until the end, they were as large as the site (gigabytes at 20,000 posts). Kept
 * small: entries that wait long enough to outlive a few collections are moved to V8's old
 * generation, and 32 MiB batches of them made a 20,000-post build's heap grow to 1.9 GB
 * before V8 collected them.
 */
const defaultSpillChars = 2 * 2 ** 20;

/**
 * Opens the cache folder `dir` for entries made by the code `identity`. Nothing is created
 * until entries are written: a build that is refused, or that finds nothing to store,
 * leaves no folder.
 */
export function createDiskStore(dir: string, identity: string, { spillChars = defaultSpillChars } = {}): DiskStore {
  const used = new Set<string>();
  // Entries in parts (header, then long strings as they are): no copy of a page is made to store it.
  const pending = new Map<string, readonly string[]>();
  let pendingChars = 0;
  let spillProblem: string | undefined;
  const rejected = new Set<string>();
  const repairs = createCacheRepairs();
  const target: EntryTarget = { dir, folders: createCacheFolders(dir, repairs), repairs };
  const fileKey = (namespace: string, key: string) =>
    createHash("sha256").update(`${identity}\0${namespace}\0${key}`).digest("hex");
  const spill = () => {
    const entries = [...pending];
    pending.clear();
    pendingChars = 0;
    try {
      writeEntries(target, entries);
    } catch (e) {
      spillProblem ??= (e as Error).message; // those entries are lost: the next build renders them again
    }
  };
  const readFile = (name: string): unknown =>
    target.folders.readable(name) ? readEntryFile(entryPath(dir, name), name, identity) : missing;
  return {
    dir,
    read(namespace, key, isValid) {
      const name = fileKey(namespace, key);
      const waiting = pending.get(name);
      const value = waiting === undefined ? readFile(name) : decodeEntry(waiting.join(""))?.value;
      if (value === missing) return undefined;
      if (value === damaged || !isValid(value)) {
        rejected.add(name);
        return undefined;
      }
      used.add(name);
      return value;
    },
    write(namespace, key, value) {
      const name = fileKey(namespace, key);
      used.add(name);
      const encoded = encodeEntryParts(identity, name, value);
      pendingChars += charsOf(encoded) - charsOf(pending.get(name) ?? []);
      pending.set(name, encoded);
      if (pendingChars > spillChars) spill();
    },
    touch(namespace, key) {
      used.add(fileKey(namespace, key));
    },
    diagnostics: () => (rejected.size === 0 ? [] : [rejectedWarning(dir, rejected)]),
    async flush({ prune }) {
      const entries = [...pending];
      pending.clear();
      pendingChars = 0;
      try {
        if (spillProblem !== undefined) throw new Error(spillProblem);
        writeEntries(target, entries);
        dropUntrusted(target, [...rejected].filter((name) => !used.has(name)));
        if (prune) await pruneEntries(dir, used, repairs);
        return repairs.diagnostics(dir);
      } catch (e) {
        return [...repairs.diagnostics(dir), cacheWriteWarning(dir, e as Error)];
      }
    },
  };
}

/**
 * Removes untrusted entries that this build did not store again (a page that now fails to
 * render), so that they do not warn again on the next build.
 */
function dropUntrusted({ dir, folders }: EntryTarget, names: readonly string[]): void {
  for (const name of names) if (folders.readable(name)) rmSync(entryPath(dir, name), { force: true, recursive: true });
}

const charsOf = (parts: readonly string[]): number => parts.reduce((sum, part) => sum + part.length, 0);

/** The entries that could not be trusted: one line for all of them, naming one. */
function rejectedWarning(dir: string, rejected: ReadonlySet<string>): Diagnostic {
  const count = rejected.size === 1 ? "1 entry" : `${rejected.size} entries`;
  const [example = ""] = rejected;
  const file = path.relative(dir, entryPath(dir, example));
  return warning("cache-entry", `ignored ${count} of the build cache in ${dir} that failed their check (damaged, truncated or foreign; e.g. ${file}): rendered again and rewritten`);
}

/** The warning of a cache that could not be written: the build stands, the next one does again what was not stored. */
export function cacheWriteWarning(dir: string, e: Error): Diagnostic {
  return warning("cache-write", `could not write the build cache in ${dir}: ${e.message}`, undefined,
    undefined, "the site was built all the same; the next build renders again what was not stored. Check the folder's permissions, or pass --no-cache");
}
