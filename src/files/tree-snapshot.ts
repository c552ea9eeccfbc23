import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from "node:fs";
import path from "node:path";
import { listFiles } from "./list-files.js";
import { isHiddenName, isSkippedSourceName } from "./skipped-names.js";

/**
 * What the files of some folder trees were like, kept so that a later run can tell cheaply
 * and surely whether any of them changed — the way git's index does: a stat per file and
 * folder, and the bytes read only where a stat cannot be trusted.
 *
 * A stat is trusted when the file's time is older than the snapshot by more than the file
 * system's clock step ("racy" files, as git calls them, are not): a file rewritten in the
 * same tick as an earlier write may keep its size and time. Racy files are hashed when the
 * snapshot is taken and compared by their bytes when it is checked.
 */
export interface TreeSnapshot {
  /** Date.now() just before the first stat. */
  readonly takenAt: number;
  readonly trees: readonly TreeRecord[];
}

/** One folder tree: its folders (with their names) and files (with their stats). */
export interface TreeRecord {
  readonly spec: TreeSpec;
  /** Relative POSIX path ("" for the top) → names hash and stat; a missing top is recorded as absent. */
  readonly folders: readonly FolderEntry[];
  readonly files: readonly FileEntry[];
}

/** Which tree, and what in it counts. */
export interface TreeSpec {
  readonly dir: string;
  /** Names that the build never reads (and whose changes therefore change nothing). */
  readonly skip: "none" | "hidden" | "source-skipped";
  /** Inputs may not be symlinks (a link's target is outside what the snapshot watches); outputs record them. */
  readonly links: "refuse" | "record";
  /** Only these names in the top folder count (a site's config files beside everything else), and no folder. */
  readonly only?: readonly string[] | undefined;
}

type StatKey = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

interface FolderEntry {
  readonly path: string;
  readonly names: string;
  readonly stat: StatKey;
}

interface FileEntry {
  readonly path: string;
  readonly stat: StatKey;
  readonly link?: string;
  /** SHA-256 of the bytes, only for racy files. */
  readonly hash?: string;
}

/** Why no snapshot can vouch for these trees: an input is a symlink. */
export class UnsnapshotableTree extends Error {}

/** Takes the snapshot of `specs`, after every write to them has finished. */
export function takeSnapshot(specs: readonly TreeSpec[]): TreeSnapshot {
  const takenAt = Date.now();
  return { takenAt, trees: specs.map((spec) => recordTree(spec, takenAt)) };
}

/** What a check of a snapshot found. */
export interface SnapshotCheck {
  /** The first difference (a path and what happened to it); undefined when nothing the snapshot covers changed. */
  readonly change?: string | undefined;
  /**
   * When nothing changed but some stats moved or were racy, the snapshot with the stats just
   * seen (whose bytes or names were just compared): saving it spares the next check those reads.
   */
  readonly refreshed?: TreeSnapshot | undefined;
}

/** Compares the trees as they are now with `snapshot`. */
export function checkSnapshot(snapshot: TreeSnapshot): SnapshotCheck {
  const checkedAt = Date.now();
  let refreshedAny = false;
  const trees: TreeRecord[] = [];
  for (const tree of snapshot.trees) {
    const checked = checkTree(tree, snapshot.takenAt);
    if ("change" in checked) return { change: checked.change };
    refreshedAny ||= checked.refreshed;
    trees.push(checked.tree);
  }
  return refreshedAny ? { refreshed: { takenAt: checkedAt, trees } } : {};
}

/**
 * The regular files of `snapshot` that are still as it recorded them — same stat, trusted;
 * or racy, with the same bytes — as absolute paths: files a later run may take to hold the
 * bytes that the snapshot's maker left there. One stat each, and a read only for racy files.
 */
export function unchangedFiles(snapshot: TreeSnapshot): Set<string> {
  const unchanged = new Set<string>();
  for (const tree of snapshot.trees) {
    for (const file of tree.files) {
      if (file.link !== undefined) continue;
      const absolute = path.join(tree.spec.dir, file.path);
      const stat = lstatOrUndefined(absolute);
      if (stat === undefined || !stat.isFile() || !sameStat(statKey(stat), file.stat)) continue;
      if (isRacy(file.stat, snapshot.takenAt) && (file.hash === undefined || hashFile(absolute) !== file.hash)) continue;
      unchanged.add(absolute);
    }
  }
  return unchanged;
}

function recordTree(spec: TreeSpec, takenAt: number): TreeRecord {
  const top = lstatOrUndefined(spec.dir);
  if (top === undefined) return { spec, folders: [{ path: "", names: "absent", stat: [0, 0, 0, 0] }], files: [] };
  if (!top.isDirectory()) throw new UnsnapshotableTree(`${spec.dir} is not a folder`);
  const folders: FolderEntry[] = [];
  const skip = (name: string, isFolder: boolean) => skipped(name, spec) || (isFolder && spec.only !== undefined);
  const listed = listFiles(spec.dir, {
    skip,
    folder: (relative, names) => {
      const stat = lstatOrUndefined(path.join(spec.dir, relative));
      if (stat === undefined) throw new UnsnapshotableTree(`${spec.dir}/${relative} changed while its snapshot was taken`);
      folders.push({ path: relative, names: namesHash(names), stat: statKey(stat) });
    },
  });
  const files = listed.map((relative) => {
    const absolute = path.join(spec.dir, relative);
    const stat = lstatOrUndefined(absolute);
    if (stat === undefined) throw new UnsnapshotableTree(`${absolute} changed while its snapshot was taken`);
    return fileEntry(relative, absolute, stat, spec, takenAt);
  });
  return { spec, folders, files };
}

function fileEntry(relative: string, absolute: string, stat: Stats, spec: TreeSpec, takenAt: number): FileEntry {
  if (stat.isSymbolicLink()) {
    if (spec.links === "refuse") throw new UnsnapshotableTree(`${absolute} is a symlink`);
    return { path: relative, stat: statKey(stat), link: readlinkSync(absolute) };
  }
  const entry = { path: relative, stat: statKey(stat) };
  return isRacy(entry.stat, takenAt) ? { ...entry, hash: hashFile(absolute) } : entry;
}

type TreeCheck = { readonly change: string } | { readonly tree: TreeRecord; readonly refreshed: boolean };

function checkTree(tree: TreeRecord, takenAt: number): TreeCheck {
  let refreshed = false;
  const folders: FolderEntry[] = [];
  for (const folder of tree.folders) {
    const absolute = path.join(tree.spec.dir, folder.path);
    const stat = lstatOrUndefined(absolute);
    if (folder.names === "absent") {
      if (stat !== undefined) return { change: `${absolute} appeared` };
      folders.push(folder);
      continue;
    }
    if (stat === undefined || !stat.isDirectory()) return { change: `${absolute} is gone` };
    const seen = statKey(stat);
    if (!sameStat(seen, folder.stat) || isRacy(folder.stat, takenAt)) {
      if (namesHash(listedNames(absolute, tree.spec)) !== folder.names) return { change: `${absolute}: files were added, removed or renamed` };
      refreshed = true;
    }
    folders.push({ ...folder, stat: seen });
  }
  const files: FileEntry[] = [];
  for (const file of tree.files) {
    const absolute = path.join(tree.spec.dir, file.path);
    const stat = lstatOrUndefined(absolute);
    if (stat === undefined) return { change: `${absolute} is gone` };
    const seen = statKey(stat);
    if (file.link !== undefined) {
      if (!stat.isSymbolicLink() || readlinkSync(absolute) !== file.link) return { change: `${absolute} changed` };
    } else if (!sameStat(seen, file.stat) || isRacy(file.stat, takenAt)) {
      // Only a racy file's bytes were kept: any other file whose stat moved has changed, as far as a snapshot can tell.
      if (file.hash === undefined || !stat.isFile() || stat.size !== file.stat[0] || hashFile(absolute) !== file.hash) {
        return { change: `${absolute} changed` };
      }
      refreshed = true;
    }
    files.push({ ...file, stat: seen });
  }
  return { tree: { spec: tree.spec, folders, files }, refreshed };
}

/**
 * True when a write after the snapshot may have left the same time: the file's time is within
 * the clock step of the snapshot's. Times in whole seconds are from a coarse file system
 * (FAT's step is 2 s); elsewhere the step is a clock tick of a few milliseconds (100 ms is ample).
 */
function isRacy([, mtimeMs, ctimeMs]: StatKey, takenAt: number): boolean {
  const step = mtimeMs % 1000 === 0 ? coarseClockStepMs : fineClockStepMs;
  // The change time too: a tool that rewrites a file and then sets its time back (cp -p, rsync -t) leaves only that.
  return Math.max(mtimeMs, ctimeMs) > takenAt - step;
}

/** How far apart two writes must be for their file times to differ: a few clock ticks, or FAT's 2 s. */
export const fineClockStepMs = 100;
const coarseClockStepMs = 2100;

/** One folder's names as the walk keeps them (folders left out when only named files count). */
function listedNames(dir: string, spec: TreeSpec): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !skipped(entry.name, spec) && !(entry.isDirectory() && spec.only !== undefined))
    .map((entry) => entry.name)
    .sort();
}

/** The readers' own rules (skipped-names.ts), by name: a spec is saved in a record as JSON. */
const skipRules: Record<TreeSpec["skip"], (name: string) => boolean> = {
  none: () => false,
  hidden: isHiddenName,
  "source-skipped": isSkippedSourceName,
};

function skipped(name: string, spec: TreeSpec): boolean {
  return (skipRules[spec.skip]?.(name) ?? false) || (spec.only !== undefined && !spec.only.includes(name));
}

const statKey = (stat: Stats): StatKey => [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];

const sameStat = (a: StatKey, b: StatKey): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

const namesHash = (names: readonly string[]): string => createHash("sha256").update(names.join("\0")).digest("hex");

const hashFile = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

function lstatOrUndefined(file: string): Stats | undefined {
  return lstatSync(file, { throwIfNoEntry: false });
}
