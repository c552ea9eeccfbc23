import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { CacheRepairs } from "./cache-repairs.js";
import { writeTextSync } from "../files/write-text-sync.js";

/** `<dir>/ab/abcdef….json`: 256 folders keep each one small. */
export function entryPath(dir: string, name: string): string {
  return path.join(dir, name.slice(0, 2), `${name}.json`);
}

/** A temporary file beside the entry `name`, renamed into place once whole. */
export function tempPath(dir: string, name: string): string {
  return path.join(dir, name.slice(0, 2), `.${name}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * The shard folders of one cache folder, as one build finds and mends them. A shard is read
 * only when it is a real folder: a symlink in its place is never followed (it could lead out
 * of the cache), a file in its place makes its entries plain misses. Either is replaced by a
 * folder before the first entry is written into it.
 */
export interface CacheFolders {
  /** Whether entries may be read from the shard of `name` (checked once per shard and build). */
  readable(name: string): boolean;
  /** Makes the cache folder, its tag and the shards of `names`, replacing whatever stands in their way. */
  prepare(names: Iterable<string>): void;
}

type ShardState = "folder" | "absent" | "other";

export function createCacheFolders(dir: string, repairs: CacheRepairs): CacheFolders {
  const shards = new Map<string, ShardState>();
  let rootMade = false;
  const stateOf = (shard: string): ShardState => {
    let state = shards.get(shard);
    if (state === undefined) shards.set(shard, (state = shardState(path.join(dir, shard))));
    return state;
  };
  return {
    readable: (name) => stateOf(name.slice(0, 2)) === "folder",
    prepare(names) {
      if (!rootMade) {
        mkdirSync(dir, { recursive: true });
        writeTag(dir, repairs);
        rootMade = true;
      }
      for (const name of names) {
        const shard = name.slice(0, 2);
        const state = stateOf(shard);
        if (state === "folder") continue;
        if (state === "other") {
          // Removed as what it is: a symlink goes, never what it points to.
          rmSync(path.join(dir, shard), { force: true, recursive: true });
          repairs.note("shard", shard);
        }
        mkdirSync(path.join(dir, shard));
        shards.set(shard, "folder");
      }
    },
  };
}

function shardState(folder: string): ShardState {
  try {
    return lstatSync(folder).isDirectory() ? "folder" : "other";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : "other";
  }
}

/**
 * Renames `temp` to `file`, the entry's place. A folder there (no entry is one) is removed
 * first; a symlink there is replaced as a link by the rename itself.
 */
export function renameIntoPlace(temp: string, file: string, where: string, repairs: CacheRepairs): void {
  try {
    renameSync(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") throw e;
    rmSync(file, { recursive: true, force: true });
    repairs.note("entry", where);
    renameSync(temp, file);
  }
}

/** Writes the tag unless it is there as a plain file of the right size; never through a symlink. */
function writeTag(dir: string, repairs: CacheRepairs): void {
  const tag = path.join(dir, "CACHEDIR.TAG");
  let found: "ok" | "absent" | "wrong";
  try {
    const stat = lstatSync(tag);
    found = stat.isFile() && stat.size === Buffer.byteLength(cacheDirTag) ? "ok" : "wrong";
  } catch {
    found = "absent";
  }
  if (found === "ok") return;
  if (found === "wrong") {
    rmSync(tag, { recursive: true, force: true });
    repairs.note("tag", "CACHEDIR.TAG");
  }
  const temp = path.join(dir, `.CACHEDIR.TAG.${randomBytes(6).toString("hex")}.tmp`);
  writeTextSync(temp, cacheDirTag);
  renameSync(temp, tag);
}

/** The Cache Directory Tagging convention: backup and sync tools skip the folder. */
const cacheDirTag = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by daylight.\n# Its entries are rebuilt when missing: the folder is safe to delete at any time.\n";
