import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** An entry the walk meets: its path from the walk's root (POSIX) and what the folder listing said it is. */
export interface WalkEntry {
  readonly path: string;
  readonly name: string;
  readonly dirent: Dirent;
}

/** What each caller of the walk decides: what to do with an entry, and with a folder that cannot be listed. */
export interface WalkVisitor {
  /** Told each entry of a folder walked, by name; true walks into it (a folder, or a symlink the caller follows). */
  entry(entry: WalkEntry): boolean | void;
  /** Told each folder walked ("" for the root) before its entries, with them: what a snapshot records of a folder. */
  folder?(path: string, entries: readonly Dirent[]): void;
  /** A folder that cannot be listed (a missing root aside: nothing to walk): skipped when this returns; without it, the error throws. */
  unreadable?(path: string, error: NodeJS.ErrnoException): void;
}

/**
 * The one recursive walk of a folder, depth first, each folder's entries in code-unit
 * order of their names. A missing root walks nothing.
 * What to list, follow, record or delete is the visitor's: the walk only lists.
 * Synchronous: a walk of many small folders one after another beats as many promises.
 */
export function walkFolder(root: string, visitor: WalkVisitor): void {
  const walk = (prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(prefix ? join(root, prefix) : root, { withFileTypes: true });
    } catch (error) {
      const problem = error as NodeJS.ErrnoException;
      if (prefix === "" && problem.code === "ENOENT") return;
      if (!visitor.unreadable) throw error;
      return visitor.unreadable(prefix, problem);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    visitor.folder?.(prefix, entries);
    for (const dirent of entries) {
      const path = prefix ? `${prefix}/${dirent.name}` : dirent.name;
      if (visitor.entry({ path, name: dirent.name, dirent })) walk(path);
    }
  };
  walk("");
}

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
 * Every file under `root`, as sorted POSIX paths relative to it (walkFolder's order).
 * A missing `root` is an empty list; any other error throws.
 */
export function listFiles(root: string, options: ListOptions = {}): string[] {
  const found: string[] = [];
  const { skip, regularOnly, folder } = options;
  walkFolder(root, {
    folder: folder && ((path, entries) => folder(path, entries.filter((entry) => !skip?.(entry.name, entry.isDirectory())).map((entry) => entry.name))),
    entry({ path, name, dirent }) {
      if (skip?.(name, dirent.isDirectory())) return false;
      if (dirent.isDirectory()) return true;
      if (!regularOnly || dirent.isFile()) found.push(path);
      return false;
    },
  });
  return found.sort();
}
