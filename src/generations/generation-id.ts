import { createHash } from "node:crypto";
import type { FileDigest } from "../files/hash-file.js";

/**
 * A generation's id: 12 hex characters of the SHA-256 of its files' sorted paths and
 * hashes. The same files give the same id, so rebuilding an unchanged site makes no new generation.
 */
export function generationId(digests: ReadonlyMap<string, FileDigest>): string {
  const lines = [...digests].map(([path, digest]) => `${path}\t${digest.hash}\n`).sort();
  return createHash("sha256").update(lines.join("")).digest("hex").slice(0, 12);
}
