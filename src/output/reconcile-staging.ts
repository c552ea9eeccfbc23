import {
  closeSync, constants, copyFileSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readSync,
  rmSync, statSync, unlinkSync, writeFileSync, type Stats,
} from "node:fs";
import { dirname, join } from "node:path";
import type { OutputFile } from "../model.js";
import { writeTextSync } from "./write-text-sync.js";

/** How the staging folder came to hold one file. */
export type StageResult = "written" | "linked";

/** Called after each file is staged; a hook may await (tests kill a process there). */
export type FileHook = () => void | Promise<void>;

/**
 * Makes `staging` hold exactly `files`, whatever it held before: nothing (a first build) or
 * a retired generation kept for reuse, possibly half-updated by a killed build. Nothing in
 * it is trusted: a file stays only when it is the very inode of the output's file, whose
 * bytes were just compared; everything else is unlinked and made anew, never written in
 * place (staged files share inodes with the live output). Reusing a retired generation
 * spares creating and deleting a folder per page on every build, which on a large site
 * cost more than the rest of writing. Synchronous: one file system call after another is
 * faster here than thousands of promises, and a build has nothing else to do meanwhile.
 * Returns how many files were hard-linked (unchanged) rather than written.
 */
export async function reconcileStaging(files: readonly OutputFile[], output: string, staging: string, afterFile: FileHook): Promise<number> {
  const wanted = new Map(files.map((file) => [file.path, file]));
  const folders = foldersOf(files);
  const kept = removeUnwanted(staging, wanted, folders);
  for (const folder of [...folders].sort()) {
    if (!kept.folders.has(folder)) mkdirSync(join(staging, folder), { recursive: true });
  }
  let linked = 0;
  for (const file of files) {
    if (stageOne(file, output, staging, kept.files.get(file.path)) === "linked") linked++;
    const waiting = afterFile();
    if (waiting) await waiting;
  }
  return linked;
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
 * Deletes what `staging` holds that the new generation does not want at that path (a file
 * where a folder goes, a folder no file needs, anything that is neither file nor folder),
 * and returns what is left: the folders, and the files with their inode facts.
 */
function removeUnwanted(staging: string, wanted: ReadonlyMap<string, OutputFile>, folders: ReadonlySet<string>) {
  const kept = { folders: new Set<string>(), files: new Map<string, Stats>() };
  const walk = (prefix: string) => {
    for (const entry of readdirSync(prefix ? join(staging, prefix) : staging, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = join(staging, path);
      if (entry.isDirectory() && folders.has(path)) {
        kept.folders.add(path);
        walk(path);
      } else if (entry.isFile() && wanted.has(path)) {
        kept.files.set(path, lstatSync(full));
      } else {
        rmSync(full, { recursive: true, force: true });
      }
    }
  };
  walk("");
  return kept;
}

function stageOne(file: OutputFile, output: string, staging: string, inStaging: Stats | undefined): StageResult {
  const target = join(staging, file.path);
  const existing = join(output, file.path);
  const live = lstatOrUndefined(existing);
  // A parked page is read back once, for the comparison and the write.
  const source = "sourcePath" in file ? file.sourcePath : undefined;
  const contents = "sourcePath" in file ? undefined : "spooled" in file ? file.spooled.text() : file.contents;
  const same = live?.isFile() === true &&
    (source !== undefined ? sameFileBytes(existing, live, source) : sameBytes(existing, live, contents ?? ""));
  if (same && live && inStaging && inStaging.ino === live.ino && inStaging.dev === live.dev) return "linked";
  if (inStaging) unlinkSync(target);
  if (same) {
    try {
      linkSync(existing, target);
    } catch {
      // Across devices (EXDEV), on file systems without hard links, past a link limit: copy.
      copyFileSync(existing, target, constants.COPYFILE_EXCL);
    }
    return "linked";
  }
  if (source !== undefined) copyFileSync(source, target, constants.COPYFILE_EXCL);
  else if (typeof contents === "string") writeTextSync(target, contents);
  else writeFileSync(target, contents ?? "", { flag: "wx" });
  return "written";
}

function sameBytes(existing: string, info: Stats, contents: string | Uint8Array): boolean {
  const size = typeof contents === "string" ? Buffer.byteLength(contents, "utf8") : contents.byteLength;
  if (info.size !== size) return false;
  const bytes = readIntoScratch(existing, size);
  return typeof contents === "string" ? bytes.toString("utf8") === contents : bytes.equals(contents);
}

// The live file's bytes are read into one buffer, reused file after file, for the same reason
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

/** Equal sizes first; the same inode is the same bytes; else compared chunk by chunk (assets may be large). */
function sameFileBytes(existing: string, info: Stats, source: string): boolean {
  const sourceInfo = statSync(source);
  if (info.size !== sourceInfo.size) return false;
  if (info.dev === sourceInfo.dev && info.ino === sourceInfo.ino) return true;
  const [a, b] = [openSync(existing, "r"), openSync(source, "r")];
  try {
    const [bufA, bufB] = [Buffer.alloc(chunkSize), Buffer.alloc(chunkSize)];
    for (;;) {
      const [ra, rb] = [readSync(a, bufA, 0, chunkSize, null), readSync(b, bufB, 0, chunkSize, null)];
      if (ra !== rb) return false;
      if (ra === 0) return true;
      if (!bufA.subarray(0, ra).equals(bufB.subarray(0, rb))) return false;
    }
  } finally {
    closeSync(a);
    closeSync(b);
  }
}

const chunkSize = 1 << 16;

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: an old file sits where the new output has a folder.
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
