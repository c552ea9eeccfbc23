import {
  closeSync, constants, copyFileSync, lstatSync, mkdirSync, openSync, readSync,
  renameSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats,
} from "node:fs";
import { dirname, join } from "node:path";
import type { OutputFile } from "../model.js";
import { walkFolder } from "../files/list-files.js";
import { writeTextSync } from "../files/write-text-sync.js";

/** How the slot came to hold one file. */
export type SlotResult = "written" | "kept";

/** Called after each file is placed; a hook may await (tests kill a process there). */
export type FileHook = () => void | Promise<void>;

/**
 * Makes the folder `slot` hold exactly `files`, whatever it held before: nothing (a first
 * build), the generation before last (the usual case), or anything a killed build or a
 * person left there. Nothing in it is trusted: a file stays only when its own bytes were
 * just compared equal to the new ones; everything else is unlinked and made anew, never
 * written in place (a reader served the slot before the last swap may still hold it
 * open). Files are copied, never hard-linked, from elsewhere: no inode is shared with the
 * live slot, so filling this one cannot change the served site. Reusing the slot spares
 * creating and deleting a folder per page on every build, which on a large site cost more
 * than the rest of writing. Synchronous: one file system call after another is faster
 * here than thousands of promises, and a build has nothing else to do meanwhile.
 * Returns how many files were kept as they were.
 */
export async function reconcileSlot(files: readonly OutputFile[], slot: string, afterFile: FileHook): Promise<number> {
  const wanted = new Map(files.map((file) => [file.path, file]));
  const folders = foldersOf(files);
  const kept = removeUnwanted(slot, wanted, folders);
  for (const folder of [...folders].sort()) {
    if (!kept.folders.has(folder)) mkdirSync(join(slot, folder), { recursive: true });
  }
  let unchanged = 0;
  for (const file of files) {
    if (placeOne(file, slot, kept.files.get(file.path)) === "kept") unchanged++;
    const waiting = afterFile();
    if (waiting) await waiting;
  }
  return unchanged;
}

/** Every folder the files need, as output-relative paths. */
function foldersOf(files: readonly OutputFile[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file.path); dir !== "." && !folders.has(dir); dir = dirname(dir)) folders.add(dir);
  }
  return folders;
}

/**
 * Deletes what `slot` holds that the new generation does not want at that path (a file
 * where a folder goes, a folder no file needs, anything that is neither file nor folder),
 * and returns what is left: the folders, and the files with their inode facts.
 */
function removeUnwanted(slot: string, wanted: ReadonlyMap<string, OutputFile>, folders: ReadonlySet<string>) {
  const kept = { folders: new Set<string>(), files: new Map<string, Stats>() };
  walkFolder(slot, {
    entry({ path, dirent }) {
      const full = join(slot, path);
      if (dirent.isDirectory() && folders.has(path)) {
        kept.folders.add(path);
        return true;
      }
      if (dirent.isFile() && wanted.has(path)) kept.files.set(path, lstatSync(full));
      else rmSync(full, { recursive: true, force: true });
      return false;
    },
  });
  return kept;
}

function placeOne(file: OutputFile, slot: string, inSlot: Stats | undefined): SlotResult {
  const target = join(slot, file.path);
  const source = "sourcePath" in file ? file.sourcePath : undefined;
  const contents = "sourcePath" in file ? undefined : file.contents;
  if (inSlot) {
    const same = source !== undefined ? sameFileBytes(target, inSlot, source) : sameBytes(target, inSlot, contents ?? "");
    if (same) return "kept";
    unlinkSync(target);
  }
  if (source !== undefined && "generated" in file && file.generated === "staged") moveStaged(source, target);
  // Copy-on-write where the file system offers it (btrfs, XFS): a clone shares no bytes that can change.
  else if (source !== undefined) copyFileSync(source, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  else if (typeof contents === "string") writeTextSync(target, contents);
  else writeFileSync(target, contents ?? "", { flag: "wx" });
  return "written";
}

/** A staged page is the writer's own file: moved into the slot, or copied when the staging folder is on another disk. */
function moveStaged(staged: string, target: string): void {
  try {
    renameSync(staged, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    copyFileSync(staged, target, constants.COPYFILE_EXCL);
  }
}

function sameBytes(existing: string, info: Stats, contents: string | Uint8Array): boolean {
  const size = typeof contents === "string" ? Buffer.byteLength(contents, "utf8") : contents.byteLength;
  if (info.size !== size) return false;
  const bytes = readIntoScratch(existing, size);
  return typeof contents === "string" ? bytes.toString("utf8") === contents : bytes.equals(contents);
}

// The slot's old bytes are read into one buffer, reused file after file, for the same reason
// writeTextSync makes none.
let scratch = Buffer.alloc(0);

/** The first `size` bytes of `path` (a view of the scratch buffer, valid until the next call). */
function readIntoScratch(path: string, size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length, 1 << 16));
  const fd = openSync(path, "r");
  try {
    let done = 0;
    for (let got = -1; done < size && got !== 0; done += got) got = readSync(fd, scratch, done, size - done, done);
    return scratch.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** Equal sizes first, then compared chunk by chunk (assets may be large), through two buffers reused file after file. */
function sameFileBytes(existing: string, info: Stats, source: string): boolean {
  const sourceInfo = statSync(source);
  if (info.size !== sourceInfo.size) return false;
  const [a, b] = [openSync(existing, "r"), openSync(source, "r")];
  try {
    for (;;) {
      const [ra, rb] = [readSync(a, chunkA, 0, chunkSize, null), readSync(b, chunkB, 0, chunkSize, null)];
      if (ra !== rb) return false;
      if (ra === 0) return true;
      if (!chunkA.subarray(0, ra).equals(chunkB.subarray(0, rb))) return false;
    }
  } finally {
    closeSync(a);
    closeSync(b);
  }
}

const chunkSize = 1 << 16;
const [chunkA, chunkB] = [Buffer.alloc(chunkSize), Buffer.alloc(chunkSize)];
