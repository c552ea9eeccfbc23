import { createHash } from "node:crypto";
import path from "node:path";

/**
 * `dir/name.<8 hex of SHA-256>.ext`: the name a file is published under when it may be
 * cached forever, because any change to its bytes changes its name.
 */
export function hashedName(posixPath: string, bytes: Uint8Array | string): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
  const { dir, name, ext } = path.posix.parse(posixPath);
  return path.posix.join(dir, `${name}.${hash}${ext}`);
}
