import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { isTemporaryName } from "../check/site-files.js";
import { hashFile } from "../files/hash-file.js";
import { walkFolder } from "../files/list-files.js";
import { runPool } from "../files/run-pool.js";

/** What a path in the target folder holds; symlinks are never followed. */
export type TargetEntry =
  | { readonly kind: "file"; readonly hash: string; readonly size: number }
  | { readonly kind: "symlink" }
  | { readonly kind: "other" };

/** The target folder as it is now. */
export interface TargetState {
  /** Every non-folder entry, output-relative, POSIX (deploy temporaries, `.git` and `lost+found` excluded). */
  readonly entries: ReadonlyMap<string, TargetEntry>;
  /** Every folder below the root. */
  readonly folders: ReadonlySet<string>;
  /** Leftovers of an interrupted deploy (`.name.daylight-tmp`), to clean up. */
  readonly temporaries: readonly string[];
}

/**
 * Never compared, replaced or deleted: a gh-pages checkout keeps its repository in the
 * served folder, and a file system's root (a mount point) has its own lost+found.
 */
const protectedTopLevel = new Set([".git", "lost+found"]);

/** Lists and hashes the target folder (absent: empty). */
export async function readTarget(root: string, concurrency = 16): Promise<TargetState> {
  const entries = new Map<string, TargetEntry>();
  const folders = new Set<string>();
  const temporaries: string[] = [];
  const files: string[] = [];
  walkFolder(root, {
    entry({ path, name, dirent }) {
      if (path === name && protectedTopLevel.has(name)) return false;
      const temporary = isTemporaryName(name);
      if (temporary) temporaries.push(path);
      else if (dirent.isDirectory()) folders.add(path);
      else if (dirent.isSymbolicLink()) entries.set(path, { kind: "symlink" });
      else if (dirent.isFile()) files.push(path);
      else entries.set(path, { kind: "other" });
      return !temporary && dirent.isDirectory();
    },
  });
  await runPool(files, concurrency, async (path) => {
    const digest = await hashFile(join(root, path));
    entries.set(path, { kind: "file", ...digest });
  });
  return { entries, folders, temporaries: temporaries.sort() };
}

/** True when no folder on the way from `root` to `path` is a symlink (`path` itself may be one: it is replaced or unlinked, never followed). */
export async function isRealPathInside(root: string, path: string): Promise<boolean> {
  let current = root;
  for (const segment of path.split("/").slice(0, -1)) {
    current = join(current, segment);
    try {
      if ((await lstat(current)).isSymbolicLink()) return false;
    } catch {
      return true; // the rest does not exist yet: it will be created as real folders
    }
  }
  return true;
}
