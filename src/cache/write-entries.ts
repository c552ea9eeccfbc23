import { writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import path from "node:path";
import type { CacheFolders } from "./cache-folders.js";
import { entryPath, renameIntoPlace, tempPath } from "./cache-folders.js";
import type { CacheRepairs } from "./cache-repairs.js";
import { attachErrorPath } from "../output/attach-error-path.js";
import { writeTextSync } from "../output/write-text-sync.js";

/** Entries to write: file name (the key's digest) → the encoded entry in parts. */
export type Entries = readonly (readonly [string, readonly string[]])[];

/** Where entries go: the cache folder, its shards as this build found them, and the repairs noted. */
export interface EntryTarget {
  readonly dir: string;
  readonly folders: CacheFolders;
  readonly repairs: CacheRepairs;
}

/** Writes entries a few dozen at a time: enough to keep the disk busy without opening thousands of files. */
export async function writeEntries(target: EntryTarget, entries: Entries): Promise<void> {
  if (entries.length === 0) return;
  target.folders.prepare(entries.map(([name]) => name));
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) await writeEntry(target, ...entry);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** Temp file then rename: a reader (or a killed build) sees the old entry or the new one, never half of one. */
async function writeEntry({ dir, repairs }: EntryTarget, name: string, encoded: readonly string[]): Promise<void> {
  const [file, temp] = [entryPath(dir, name), tempPath(dir, name)];
  try {
    await writeFile(temp, encoded.join(""), { flag: "wx" });
  } catch (e) {
    // A full disk fails the write: no half entry is left, and the error names the file.
    rmSync(temp, { force: true });
    throw attachErrorPath(e, temp);
  }
  placeEntry(temp, file, name, repairs);
}

/** `writeEntries` in the middle of a build, which has nothing to await while it makes pages. */
export function writeEntriesSync(target: EntryTarget, entries: Entries): void {
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
