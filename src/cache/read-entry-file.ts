import { closeSync, constants, openSync, readFileSync } from "node:fs";
import { decodeEntry, isOtherFormatEntry } from "./entry-codec.js";

/** No entry: absent, or an older daylight's format (a plain miss, nothing to warn about). */
export const missing = Symbol("missing");
/** An entry that is there but cannot be trusted: damaged, truncated, foreign, another key's, or a symlink. */
export const damaged = Symbol("damaged");

// O_NOFOLLOW: an entry that is a symlink is never followed out of the cache folder.
const readFlags = constants.O_RDONLY | constants.O_NOFOLLOW;

/**
 * The value of the entry file `file` stored under `name` by the code `identity`, or why
 * there is none. The checksum is verified on the bytes before they are decoded.
 */
export function readEntryFile(file: string, name: string, identity: string): unknown {
  let bytes: Buffer;
  try {
    const fd = openSync(file, readFlags);
    try {
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    // Absent (or removed by a concurrent build's pruning), or its shard is no folder: a plain miss.
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? missing : damaged;
  }
  const entry = decodeEntry(bytes);
  if (entry === undefined) return isOtherFormatEntry(bytes) ? missing : damaged;
  // A whole entry of another key (a copied or swapped file) is as untrustworthy as a damaged one.
  return entry.identity === identity && entry.key === name ? entry.value : damaged;
}
