import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OutputFile } from "../model.js";
import { outputPathOf } from "./output-slots.js";
import { writeTextSync } from "../files/write-text-sync.js";

/**
 * Where the disk writer keeps a build's pages from the moment they are made until they are
 * written: a folder beside the output, one file per page. A site's pages together are
 * several times its posts (20,000 posts made 650 MB of pages): held in memory until
 * written, they set the build's peak. Staged, each costs one write, and the writer moves
 * it into place (a rename) rather than writing it again.
 */
export interface StagingFolder {
  /** Writes `text` (UTF-8) to a new file of the folder and returns the output file `path` that names it. */
  stage(path: string, text: string): OutputFile;
  /** Removes the folder and what is left in it. */
  remove(): void;
}

/**
 * The staging folder of the output `outDir`, named after it and this process, beside it or
 * in the nearest folder above it that exists: a build that fails must not leave a new
 * folder where the output would have been.
 */
export function stagingFolderOf(outDir: string): string {
  const output = outputPathOf(outDir);
  let dir = dirname(output);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, `${stagingPrefix(output)}${process.pid}-${++opened}`);
}

// Writers of one process (tests make many) each get their own folder.
let opened = 0;

const stagingPrefix = (output: string): string => `.${basename(output)}.staging-`;

/**
 * Makes the staging folder `dir` (see stagingFolderOf), first removing those a killed
 * build of the same output left beside it: their process is gone.
 */
export function openStagingFolder(dir: string): StagingFolder {
  removeOrphans(dir);
  mkdirSync(dir);
  let count = 0;
  return {
    stage(path, text) {
      // Flat, numbered names: two pages with one path (a collision the build reports) or a
      // page where another needs a folder cannot trip the staging. The page's own name
      // stays in it, for whoever looks at the folder.
      const staged = join(dir, `${++count}-${basename(path)}`);
      writeTextSync(staged, text);
      return { path, sourcePath: staged, generated: "staged" };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Removes staging folders of the same output whose process no longer runs. */
function removeOrphans(dir: string): void {
  const prefix = basename(dir).replace(/\d+-\d+$/, "");
  for (const name of readdirSync(dirname(dir))) {
    const pid = Number(/^(\d+)-\d+$/.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && pid > 0 && !isRunning(pid)) {
      rmSync(join(dirname(dir), name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // someone else's process: not ours to judge
  }
}
