import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { OutputFile } from "../model.js";
import { runPool } from "./run-pool.js";

/** What the manifest records of a file's bytes: the first 16 hex characters of its SHA-256, and its size. */
export interface FileDigest {
  readonly hash: string;
  readonly size: number;
}

/** The manifest hash of `bytes`: SHA-256, hex, first 16 characters. */
export function hashBytes(bytes: string | Uint8Array): FileDigest {
  // A page's text is hashed as UTF-8 without first copying it into a buffer of its own.
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes, "utf8") : bytes.byteLength;
  return { hash: createHash("sha256").update(bytes).digest("hex").slice(0, 16), size };
}

/** The manifest hash of the file at `path`, read as a stream so large files never sit whole in memory. */
export async function hashFile(path: string): Promise<FileDigest> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.byteLength;
  }
  return { hash: hash.digest("hex").slice(0, 16), size };
}

/** The digest of an output file, whether it holds its bytes or names a file on disk. */
export const hashOutputFile = (file: OutputFile): Promise<FileDigest> => {
  if ("sourcePath" in file) return hashFile(file.sourcePath);
  return Promise.resolve(hashBytes(file.contents));
};

/**
 * path → digest for every file, hashed a few at a time; a generated page whose digest is
 * `known` (taken as it was staged, or recorded when the last build made it) is not read again.
 */
export async function hashOutputFiles(
  files: readonly OutputFile[],
  known: ReadonlyMap<string, FileDigest> = new Map(),
  concurrency = 16,
): Promise<Map<string, FileDigest>> {
  const digests = new Map<string, FileDigest>();
  await runPool(files, concurrency, async (file) => {
    const staged = "generated" in file ? known.get(file.path) : undefined;
    digests.set(file.path, staged ?? (await hashOutputFile(file)));
  });
  return digests;
}
