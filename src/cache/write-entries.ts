import { rmSync } from "node:fs";
import path from "node:path";
import type { CacheFolders } from "./cache-folders.js";
import { entryPath, renameIntoPlace, tempPath } from "./cache-folders.js";
import type { CacheRepairs } from "./cache-repairs.js";
import { writeTextSync } from "../files/write-text-sync.js";

/** Entries to write: file name (the key's digest) → the encoded entry in parts. */
export type Entries = readonly (readonly [string, readonly string[]])[];

/** Where entries go: the cache folder, its shards as this build found them, and the repairs noted. */
export interface EntryTarget {
  readonly dir: string;
  readonly folders: CacheFolders;
  readonly repairs: CacheRepairs;
}

/**
 * Writes entries one after another, each to a temp file then renamed: a reader (or a killed
 * build) sees the old entry or the new one, never half of one. Synchronous, at a spill in
 * the middle of a build and at its end alike: small files written in turn keep up with
 * dozens in flight, and their parts go to disk without being joined into one string first.
 */
export function writeEntries(target: EntryTarget, entries: Entries): void {
  if (entries.length === 0) return;
  target.folders.prepare(entries.map(([name]) => name));
  for (const [name, encoded] of entries) {
    const [file, temp] = [entryPath(target.dir, name), tempPath(target.dir, name)];
    writeTextSync(temp, encoded);
    placeEntry(temp, file, name, target.repairs);
  }
}

function placeEntry(temp: string, file: string, name: string, repairs: CacheRepairs): void {
  try {
    renameIntoPlace(temp, file, path.join(name.slice(0, 2), `${name}.json`), repairs);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
