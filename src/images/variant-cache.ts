import { randomBytes } from "node:crypto";
import { lstatSync, readdirSync, rmSync, type Stats } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "../model.js";
/** A file made from an image (a variant, a card): its output path, format, and the hash of its inputs. */
export interface MadeImage {
  readonly path: string;
  readonly format: string;
  readonly id: string;
}

type Variant = MadeImage;

/** Where encoded variants (and cards) are kept between builds, by their id. */
export interface VariantCache {
  /**
   * The variant as an output file when it is kept; undefined when it must be encoded.
   * Synchronous, so that cards can be handed to their threads before the site is assembled.
   */
  find(variant: Variant): OutputFile | undefined;
  /** Keeps freshly encoded bytes; gives the output file. */
  keep(variant: Variant, bytes: Uint8Array): Promise<OutputFile>;
  /** Forgets every variant but `used` (the cache holds one build's worth). */
  keepOnly(used: ReadonlySet<string>): Promise<void>;
}

/**
 * The cache folder's `images/` (`cards/` for cards), beside the entry shards, which the entry cache alone prunes:
 * one file per variant, named by its id, written whole then renamed into place, and published
 * from there by the writer's copy.
 *
 * Not an EntryStore of cache/ (disk-store.ts), on purpose: its entries are JSON read into
 * memory, and their names include the code identity, which every recompile or upgrade of
 * daylight changes; a variant is bytes the writer copies as a file, never read by the build,
 * named by what makes its pixels (source digest, width, format, quality, encoder versions), so
 * that a new daylight does not encode every image and draw every card again (minutes at
 * 1,000 posts). It shares the cache folder (its lock, its tag, `--no-cache`) and, like the
 * shards, never follows a symlink out of it.
 */
export function diskVariantCache(cacheDir: string, folder: "images" | "cards" = "images"): VariantCache {
  const dir = path.join(cacheDir, folder);
  const nameOf = (variant: Variant) => `${variant.id}.${variant.format}`;
  const fileOf = (variant: Variant) => path.join(dir, nameOf(variant));
  // One listing per build, not a stat per variant (1,200 of them took 0.5 s on a busy machine).
  // A name is only ever given to a whole file: each is written beside it, then renamed.
  let listing: Set<string> | undefined;
  let checked = false;
  const ours = () => {
    if (!checked) replaceNonFolder(dir);
    checked = true;
  };
  return {
    find(variant) {
      ours();
      listing ??= listNames(dir);
      return listing.has(nameOf(variant)) ? { path: variant.path, sourcePath: fileOf(variant) } : undefined;
    },
    async keep(variant, bytes) {
      ours();
      await mkdir(dir, { recursive: true });
      const file = fileOf(variant);
      const temp = path.join(dir, `.${variant.id}.${randomBytes(6).toString("hex")}.tmp`);
      await writeFile(temp, bytes);
      await rename(temp, file);
      return { path: variant.path, sourcePath: file };
    },
    async keepOnly(used) {
      ours();
      const names = await readdir(dir).catch(() => []);
      await Promise.all(names.filter((name) => !used.has(name.split(".")[0] ?? "")).map((name) => rm(path.join(dir, name), { force: true, recursive: true })));
    },
  };
}

/**
 * Removes whatever stands at `dir` that is not a real folder: a symlink (as a link, never what
 * it points to: keepOnly would delete files there) or a file. It is made again when needed.
 */
function replaceNonFolder(dir: string): void {
  const found = lstatOrNone(dir);
  if (found !== undefined && !found.isDirectory()) rmSync(dir, { force: true, recursive: true });
}

function lstatOrNone(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** The names of the files in `dir`; none when it is missing. */
function listNames(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name));
  } catch {
    return new Set();
  }
}

// Without a cache folder (`--no-cache`, the dev server), variants are kept in this process,
// so that a dev server's rebuilds never encode one twice.
const kept = { images: new Map<string, Uint8Array>(), cards: new Map<string, Uint8Array>() };

/** Variants (or cards) kept in this process's memory. */
export function memoryVariantCache(folder: "images" | "cards" = "images"): VariantCache {
  const inMemory = kept[folder];
  return {
    find: (variant) => {
      const bytes = inMemory.get(variant.id);
      return bytes === undefined ? undefined : { path: variant.path, contents: bytes };
    },
    keep: async (variant, bytes) => {
      inMemory.set(variant.id, bytes);
      return { path: variant.path, contents: bytes };
    },
    keepOnly: async (used) => {
      for (const id of inMemory.keys()) if (!used.has(id)) inMemory.delete(id);
    },
  };
}
