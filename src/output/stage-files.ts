import { constants } from "node:fs";
import { copyFile, link, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "../model.js";
import { fileHoldsBytes, filesHoldSameBytes } from "./same-bytes.js";

/** How one file got into the staging folder. */
export type StageResult = "written" | "linked";

/**
 * Puts one file into `staging`: a hard link to the same path in `output` when the bytes
 * there are already right (a copy when linking is impossible), else fresh bytes.
 * Files in the output are never modified in place, so sharing inodes with it is safe.
 */
export async function stageFile(file: OutputFile, output: string, staging: string): Promise<StageResult> {
  const target = join(staging, file.path);
  const existing = join(output, file.path);
  if ("sourcePath" in file) {
    if (await filesHoldSameBytes(existing, file.sourcePath)) return linkOrCopy(existing, target);
    await copyFile(file.sourcePath, target, constants.COPYFILE_EXCL);
    return "written";
  }
  const bytes = typeof file.contents === "string" ? Buffer.from(file.contents, "utf8") : file.contents;
  if (await fileHoldsBytes(existing, bytes)) return linkOrCopy(existing, target);
  await writeFile(target, bytes, { flag: "wx" });
  return "written";
}

async function linkOrCopy(existing: string, target: string): Promise<StageResult> {
  try {
    await link(existing, target);
  } catch {
    // Across devices (EXDEV), on file systems without hard links, past a link limit: copy.
    await copyFile(existing, target, constants.COPYFILE_EXCL);
  }
  return "linked";
}

/** Creates every folder the files need inside `staging`, parents first. */
export async function makeFolders(files: readonly OutputFile[], staging: string): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file.path); dir !== "."; dir = dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort()) await mkdir(join(staging, dir), { recursive: true });
}

/** Every non-folder entry under `root`, as POSIX paths relative to it; empty when `root` is missing. */
export async function listFiles(root: string, prefix = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if (prefix === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(root, path)));
    else found.push(path);
  }
  return found;
}

/**
 * Runs `task` over `items` with at most `limit` at a time. On the first failure no new
 * task starts, and the promise settles only once every started task has, so a caller
 * cleaning up after an error never races a write still in flight.
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}
