import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// This file is lib/cache/*.js in the compiled CLI and src/cache/*.ts under the tests: two
// levels up is the package root, one level up the code that is running.
const codeDir = fileURLToPath(new URL("..", import.meta.url));
const packageJson = fileURLToPath(new URL("../../package.json", import.meta.url));

let identity: string | undefined;

/**
 * A digest of the code that renders: daylight's package.json (its version and the pinned
 * versions of unified, LiquidJS, Shiki…), the size and time of every file of the running
 * code (lib/ or src/), and Node's version (its ICU formats dates). A cached entry made by
 * other code is never found. Stat, not read: a checkout's recompile changes every time.
 */
export function codeIdentity(): string {
  if (identity === undefined) {
    const hash = createHash("sha256").update(process.version).update("\0").update(readFileSync(packageJson));
    for (const file of codeFiles(codeDir)) {
      const { size, mtimeMs } = statSync(file);
      hash.update(`\0${path.relative(codeDir, file)}\0${size}\0${mtimeMs}`);
    }
    identity = hash.digest("hex");
  }
  return identity;
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|ts|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
