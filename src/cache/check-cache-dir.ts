import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, parse } from "node:path";
import { resolveRealPath } from "../output/resolve-real-path.js";

/** Where a build's other folders are, for checking the cache folder against them. */
export interface BuildFolders {
  readonly root: string;
  readonly outDir: string;
  /** Input folders given elsewhere than in the root (`--posts DIR`). */
  readonly inputDirs?: readonly string[];
  readonly home?: string;
}

/**
 * Why `cacheDir` must not hold the build cache, or undefined when it may. The output is
 * replaced wholesale on every build, so the cache may be neither in it (nor in its staging
 * and previous siblings) nor around it; and a folder the user's sources live in is not
 * a cache. Compared as real paths, so symlinks and `..` cannot get around it.
 */
export function checkCacheDir(cacheDir: string, { root, outDir, inputDirs = [], home = homedir() }: BuildFolders): string | undefined {
  const cache = resolveRealPath(cacheDir);
  const site = resolveRealPath(root);
  const out = resolveRealPath(outDir);
  const refusal = (reason: string) => `the cache folder ${cache} ${reason}`;
  if (cache === parse(cache).root) return refusal("is the file system root");
  const homeDir = resolveRealPath(home);
  if (cache === homeDir || isAncestor(cache, homeDir)) return refusal("is or contains the home folder");
  if (cache === site || isAncestor(cache, site)) return refusal("is or contains the site folder");
  for (const folder of [out, `${out}.staging`, `${out}.previous`]) {
    if (cache === folder || isAncestor(folder, cache)) return refusal(`is inside the output folder ${folder}, which every build replaces`);
    if (isAncestor(cache, folder)) return refusal(`contains the output folder ${folder}`);
  }
  const inputs = [...["posts", "pages", "templates", "public"].map((name) => join(site, name)), ...inputDirs];
  for (const input of inputs.map((dir) => resolveRealPath(dir))) {
    if (cache === input || isAncestor(input, cache) || isAncestor(cache, input)) return refusal(`overlaps the input folder ${input}`);
  }
  if (existsSync(cache) && !statSync(cache).isDirectory()) return refusal("exists and is not a folder");
  return undefined;
}

const isAncestor = (ancestor: string, path: string): boolean =>
  path.startsWith(ancestor.endsWith("/") ? ancestor : `${ancestor}/`);
