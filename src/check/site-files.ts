import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "../files/list-files.js";
import type { OutputFile } from "../model.js";
import { outputContents } from "../files/output-contents.js";

/**
 * A read-only view of a built site: its output-relative paths (POSIX) and their contents,
 * as bytes, or as text when that is what is at hand (a build's pages, still in memory).
 */
export interface SiteFiles {
  /** Every file of the site, output-relative, POSIX separators. */
  paths(): readonly string[];
  /** The contents of `path`, or undefined when the site has no such file. */
  read(path: string): Uint8Array | string | undefined;
}

/** Names of a deploy's temporary files: never part of a site. */
export const isTemporaryName = (name: string): boolean => name.startsWith(".") && name.endsWith(".daylight-tmp");

/**
 * A built site on disk. The file list is read once; symlinks are listed but never
 * followed into folders, and deploy leftovers (`.x.daylight-tmp`) are not part of it.
 */
export function diskSiteFiles(root: string): SiteFiles {
  let listed: string[] | undefined;
  let known: Set<string> | undefined;
  return {
    paths() {
      listed ??= listSiteFiles(root);
      return listed;
    },
    read(path) {
      known ??= new Set(this.paths());
      if (!known.has(path)) return undefined;
      try {
        return readFileSync(join(root, path));
      } catch {
        return undefined;
      }
    },
  };
}

/** An in-memory site (`path → bytes or text`), e.g. the files a build is about to write. */
export function memorySiteFiles(files: ReadonlyMap<string, Uint8Array | string>): SiteFiles {
  const paths = [...files.keys()].sort();
  return { paths: () => paths, read: (path) => files.get(path) };
}

/**
 * The files a build is about to write: generated ones from memory, copied ones (public/,
 * post assets, retained assets) read from their source only when a check needs their bytes.
 */
export function outputSiteFiles(files: readonly OutputFile[]): SiteFiles {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const paths = [...byPath.keys()].sort();
  return {
    paths: () => paths,
    read(path) {
      const file = byPath.get(path);
      if (file === undefined) return undefined;
      // Pages stay text: encoding them only for the scanner to decode them again cost more than the scan.
      return outputContents(file);
    },
  };
}

/** Every file of a built site under `root` (symlinks listed, not followed), sorted, without deploy temporaries. */
export const listSiteFiles = (root: string): string[] =>
  listFiles(root, { skip: (name, isFolder) => !isFolder && isTemporaryName(name) });
