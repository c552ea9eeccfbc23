import { existsSync, realpathSync } from "node:fs";
import { dirname, join, parse, resolve } from "node:path";

/**
 * The absolute path the operating system would really use for `path`: symlinks followed
 * and `..` taken physically (after a symlink, `..` is the parent of its target), as far as
 * the path exists; the missing rest is appended as written. `path.resolve` alone is
 * lexical and would let `link/..` name a different folder than the one written to.
 */
export function resolveRealPath(path: string, from: string = process.cwd()): string {
  const absolute = path.startsWith("/") ? path : join(from, path);
  const { root } = parse(resolve(absolute));
  let current = root;
  let exists = true;
  for (const segment of absolute.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      current = dirname(current);
      continue;
    }
    current = join(current, segment);
    if (exists) {
      exists = existsSync(current);
      if (exists) current = realpathSync(current);
    }
  }
  return current;
}
