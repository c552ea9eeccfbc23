import { readdirSync } from "node:fs";
import { join } from "node:path";

/** What to leave out of a listing. */
export interface ListOptions {
  /** Leaves out a file, or a folder with all it holds, whose name this is true for. */
  readonly skip?: (name: string, isFolder: boolean) => boolean;
  /** Lists regular files only; otherwise symlinks and other non-folders are listed too (never followed). */
  readonly regularOnly?: boolean;
  /** Told each folder walked ("" for `root`) with the names kept in it, sorted: what a snapshot records of a folder. */
  readonly folder?: (path: string, names: readonly string[]) => void;
}

/**
 * The one recursive walk: every file under `root`, as sorted POSIX paths relative to it.
 * A missing `root` is an empty list; any other error throws.
 * Synchronous: a walk of many small folders one after another beats as many promises.
 */
export function listFiles(root: string, options: ListOptions = {}): string[] {
  const found: string[] = [];
  const walk = (prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(prefix ? join(root, prefix) : root, { withFileTypes: true });
    } catch (error) {
      if (prefix === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const kept = entries.filter((entry) => !options.skip?.(entry.name, entry.isDirectory()));
    options.folder?.(prefix, kept.map((entry) => entry.name).sort());
    for (const entry of kept) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (!options.regularOnly || entry.isFile()) found.push(path);
    }
  };
  walk("");
  return found.sort();
}
