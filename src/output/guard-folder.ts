import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, parse } from "node:path";
import { siteSourcesIn } from "./holds-site-sources.js";
import { resolveRealPath } from "./resolve-real-path.js";
import { manifestPath } from "../urls/generated-files.js";

/** What daylight would do to a folder: replace it with a build, publish into it, or keep its cache there. */
export type FolderRole = "output" | "deploy target" | "cache";

/** Where a command's other folders are, to judge one folder against. */
export interface GuardContext {
  /** The site folder (`--root`). */
  readonly root: string;
  /** Input folders given elsewhere than in the root (`--posts DIR`). */
  readonly inputDirs?: readonly string[];
  /** The build's output folder: the cache may not be in or around it, a deploy may not target it. */
  readonly outDir?: string;
  /** `--force`: a folder that holds files daylight did not write may be used (never a source folder). */
  readonly force?: boolean;
  readonly home?: string;
}

/** The site's own input folders, by name in its root. */
const inputFolderNames = ["posts", "pages", "templates", "public"] as const;

/**
 * Why `folder` must not be used in `role`, or undefined when it may: the one guard that
 * `build --out`, `build --cache-dir` and `deploy --to` share, because each of them deletes
 * what it does not expect to find. It refuses the file system root, the home folder and
 * the site folder and their ancestors; every input folder, what is inside one and what
 * contains one; a folder that holds a site's sources; the build's own output for the other
 * roles; and, unless `force`, a folder holding files daylight did not write. Paths are
 * compared as real paths, so symlinks and `..` cannot get around it.
 */
export function guardFolder(folder: string, role: FolderRole, context: GuardContext): string | undefined {
  const path = resolveRealPath(folder);
  const refusal = refuseByPlace(path, role, context) ?? refuseByContents(path, role, context.force === true);
  if (refusal !== undefined) return refusal;
  return role === "output" ? refuseNeighbours(folder) : undefined;
}

/** What makes `path` off limits by where it is, as a phrase ("is the home folder"). */
function refuseByPlace(path: string, role: FolderRole, context: GuardContext): string | undefined {
  const home = resolveRealPath(context.home ?? homedir());
  const root = resolveRealPath(context.root);
  if (path === parse(path).root) return "is the file system root";
  if (path === home || isInside(home, path)) return `is or contains the home folder ${home}`;
  if (path === root || isInside(root, path)) return `is or contains the site folder ${root}`;
  const inputs = [...inputFolderNames.map((name) => join(root, name)), ...(context.inputDirs ?? [])];
  for (const input of inputs.map((dir) => resolveRealPath(dir))) {
    const overlap = overlapOf(path, input);
    if (overlap) return `${overlap} the input folder ${input}`;
  }
  if (role !== "output" && context.outDir !== undefined) {
    for (const built of outputFamily(context.outDir)) {
      const overlap = overlapOf(path, built);
      if (overlap) return `${overlap} the build's output ${built}`;
    }
  }
  return undefined;
}

/** How `path` overlaps `folder`, as the start of a phrase, or undefined when it does not. */
function overlapOf(path: string, folder: string): string | undefined {
  if (path === folder) return "is";
  if (isInside(path, folder)) return "is inside";
  return isInside(folder, path) ? "contains" : undefined;
}

/** The output folder and its neighbours, as real paths: the folder a build replaces and those it keeps beside it. */
function outputFamily(outDir: string): string[] {
  const named = join(resolveRealPath(dirname(outDir)), basename(outDir));
  const family = [named, ...neighbourSuffixes.map((suffix) => `${named}${suffix}`)];
  return [...new Set([...family, ...family.map((path) => resolveRealPath(path))])];
}

/** The folders a build keeps beside its output: the generations it swaps between, and an older layout's scratch folders. */
const neighbourSuffixes = [".generations", ".staging", ".previous"] as const;

/** What is in `path` that daylight must not delete or overwrite, as a phrase. */
function refuseByContents(path: string, role: FolderRole, force: boolean): string | undefined {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isDirectory()) return "exists and is not a folder";
  // A gh-pages checkout is a served folder with a .git, which a deploy leaves alone.
  const held = siteSourcesIn(path, role === "deploy target" ? ["site.config.json", "package.json"] : ["site.config.json", ".git", "package.json"]);
  if (held !== undefined) return `holds ${held}, so it looks like a site's sources`;
  if (force || writtenByDaylight(path, role)) return undefined;
  const foreign = foreignEntries(path, role);
  if (foreign.length === 0) return undefined;
  return `holds files daylight did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}); ` +
    "empty it, choose another folder, or pass --force to let daylight replace them";
}

/**
 * True when daylight may replace what is in the folder `path`: it bears daylight's own mark,
 * or holds nothing that counts (see foreignEntries). The guard and the output writer share it.
 */
export const mayReplaceFolder = (path: string, role: FolderRole): boolean =>
  writtenByDaylight(path, role) || foreignEntries(path, role).length === 0;

/** True when daylight's own mark is in `path`: a build's manifest, or the cache's tag. */
function writtenByDaylight(path: string, role: FolderRole): boolean {
  if (role !== "cache") return existsSync(join(path, manifestPath));
  try {
    return readFileSync(join(path, "CACHEDIR.TAG"), "utf8").includes("created by daylight");
  } catch {
    return false;
  }
}

/**
 * The entries of `path` that make it not empty: a file system's own lost+found, a deploy
 * target's .git, and a cache folder's build lock (taken before the cache writes its tag) do not count.
 */
function foreignEntries(path: string, role: FolderRole): string[] {
  const ignored = new Set(["lost+found", ...(role === "deploy target" ? [".git"] : [])]);
  const lock = role === "cache" ? buildLockName : /^$/;
  return readdirSync(path).filter((name) => !ignored.has(name) && !lock.test(name)).sort();
}

/** The build lock and its scratch names (src/output/build-lock.ts). */
const buildLockName = /^lock(\.takeover)?(\.\d+(\.[0-9a-z]+)?\.(tmp|dead))?$/;

/**
 * An output's neighbours are deleted or renamed by the writer: one that is a symlink would
 * lead it elsewhere, one that is a file or holds sources is not daylight's to remove.
 */
function refuseNeighbours(outDir: string): string | undefined {
  const named = join(resolveRealPath(dirname(outDir)), basename(outDir));
  for (const suffix of neighbourSuffixes) {
    const neighbour = `${named}${suffix}`;
    let info;
    try {
      info = lstatSync(neighbour);
    } catch {
      continue;
    }
    if (info.isSymbolicLink()) return `has a neighbour ${neighbour} that is a symlink; daylight keeps its own folders there: remove the link`;
    if (!info.isDirectory()) return `has a neighbour ${neighbour} that is not a folder; daylight keeps its own folders there: move it away`;
    const held = siteSourcesIn(neighbour, ["site.config.json", ".git", "package.json"]);
    if (held !== undefined) return `has a neighbour ${neighbour} that holds ${held}; daylight keeps its own folders there: move it away`;
  }
  return undefined;
}

/** True when `path` is strictly inside `ancestor`. */
const isInside = (path: string, ancestor: string): boolean =>
  path.startsWith(ancestor.endsWith("/") ? ancestor : `${ancestor}/`);
