import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { EntryStore } from "./entry-store.js";
import { decodeEntry, encodeEntryParts } from "./entry-codec.js";
import { pruneEntries } from "./prune-entries.js";
import { writeTextSync } from "../output/write-text-sync.js";
import { attachErrorPath } from "../output/attach-error-path.js";

/** The folder a site's cache lives in unless `--cache-dir` says otherwise. */
export const defaultCacheDirName = ".daylight-cache";

/** A persistent EntryStore: one file per entry (see entry-codec.ts), in a folder only it writes. */
export interface DiskStore extends EntryStore {
  readonly dir: string;
  /** The `cache-entry` warning when this build met unreadable entries (at most one). */
  diagnostics(): Diagnostic[];
  /**
   * Writes the new entries (each to a temporary file, renamed into place) and, with
   * `prune`, deletes every entry this build neither read nor wrote. Never throws: a
   * cache that cannot be written only costs time, and is reported as a warning.
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
  const fileKey = (namespace: string, key: string) =>
    createHash("sha256").update(`${identity}\0${namespace}\0${key}`).digest("hex");
  const shards = new Set<string>();
  const spill = () => {
    const entries = [...pending];
    pending.clear();
    pendingChars = 0;
    try {
      writeEntriesSync(dir, entries, shards);
    } catch (e) {
      spillProblem ??= (e as Error).message; // those entries are lost: the next build renders them again
    }
  };
  return {
    dir,
    read(namespace, key, isValid) {
      const name = fileKey(namespace, key);
      const waiting = pending.get(name);
      const value = waiting === undefined ? readEntry(entryPath(dir, name), name, identity) : decodeEntry(waiting.join(""))?.value;
      if (value === missing) return undefined;
      if (value === corrupt || !isValid(value)) {
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
    diagnostics: () => (rejected.size === 0 ? [] : [rejectedWarning(dir, rejected.size)]),
    async flush({ prune }) {
      const entries = [...pending];
      pending.clear();
      pendingChars = 0;
      try {
        if (spillProblem !== undefined) throw new Error(spillProblem);
        await writeEntries(dir, entries, shards);
        if (prune) await pruneEntries(dir, used);
        return [];
      } catch (e) {
        return [warning("cache-write", `could not write the build cache in ${dir}: ${(e as Error).message}`, undefined,
          undefined, "the site was built all the same; the next build renders again what was not stored. Check the folder's permissions, or pass --no-cache")];
      }
    },
  };
}

const charsOf = (parts: readonly string[]): number => parts.reduce((sum, part) => sum + part.length, 0);

const missing = Symbol("missing");
const corrupt = Symbol("corrupt");

/** `<dir>/ab/abcdef….json`: 256 folders keep each one small. */
export function entryPath(dir: string, name: string): string {
  return path.join(dir, name.slice(0, 2), `${name}.json`);
}

/** The value of an entry file, or why there is none: absent, or not one of ours for this key and code. */
function readEntry(file: string, name: string, identity: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    // Absent (or removed by a concurrent build's pruning): a plain miss.
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? missing : corrupt;
  }
  try {
    const entry = decodeEntry(text);
    return entry && entry.identity === identity && entry.key === name ? entry.value : corrupt;
  } catch {
    return corrupt;
  }
}

type Entries = readonly (readonly [string, readonly string[]])[];

/** Creates the folder, its tag and the entries' shard folders, each once per build (`made`: the shards made so far). */
function prepareFolders(dir: string, entries: Entries, made: Set<string>): void {
  if (made.size === 0) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "CACHEDIR.TAG"), cacheDirTag);
  }
  for (const [name] of entries) {
    const shard = name.slice(0, 2);
    if (!made.has(shard)) mkdirSync(path.join(dir, shard), { recursive: true });
    made.add(shard);
  }
}

async function writeEntries(dir: string, entries: Entries, made: Set<string>) {
  if (entries.length === 0) return;
  prepareFolders(dir, entries, made);
  // A few dozen writes in flight keep the disk busy without opening thousands of files.
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) await writeEntry(dir, ...entry);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** Temp file then rename: a reader (or a killed build) sees the old entry or the new one, never half of one. */
async function writeEntry(dir: string, name: string, encoded: readonly string[]) {
  const { file, temp } = entryFiles(dir, name);
  try {
    await writeFile(temp, encoded.join(""));
    await rename(temp, file);
  } catch (e) {
    // A full disk fails the write: no half entry is left, and the error names the file.
    await rm(temp, { force: true });
    throw attachErrorPath(e, temp);
  }
}

/** `writeEntries` in the middle of a build, which has nothing to await while it makes pages. */
function writeEntriesSync(dir: string, entries: Entries, made: Set<string>) {
  if (entries.length === 0) return;
  prepareFolders(dir, entries, made);
  for (const [name, encoded] of entries) {
    const { file, temp } = entryFiles(dir, name);
    writeTextSync(temp, encoded);
    try {
      renameSync(temp, file);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }
}

function entryFiles(dir: string, name: string) {
  const file = entryPath(dir, name);
  return { file, temp: path.join(path.dirname(file), `.${name}.${randomBytes(6).toString("hex")}.tmp`) };
}

function rejectedWarning(dir: string, count: number): Diagnostic {
  const entries = count === 1 ? "1 entry" : `${count} entries`;
  return warning("cache-entry", `ignored ${entries} of the build cache in ${dir} that could not be read (corrupted, truncated or foreign)`,
    undefined, undefined, "nothing to do: what they held was rendered again and they are rewritten. Deleting the cache folder is always safe");
}

/** The Cache Directory Tagging convention: backup and sync tools skip the folder. */
const cacheDirTag = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by daylight.\n# Its entries are rebuilt when missing: the folder is safe to delete at any time.\n";
