import { readdir } from "node:fs/promises";
import path from "node:path";

/**
 * Every file below `dir` (absolute paths, sorted), skipping names that start with "." or "_"
 * when `skipHidden` is set. A missing folder is an empty list.
 */
export async function listFiles(dir: string, skipHidden: boolean): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !skipHidden || !path.relative(dir, file).split(path.sep).some((part) => /^[._]/.test(part)))
    .sort();
}
