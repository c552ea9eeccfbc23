import { lstat, rename, rm, unlink } from "node:fs/promises";
import { join } from "node:path";
import {
  convertLinkPath, isDaylightFolder, outputLayout, OutputLayoutError, slotPath, swapLinkPath, type OutputLayout,
} from "./output-slots.js";

/** Called after each step; a hook that throws `SimulatedCrash` stops the writer dead (tests). */
export type StepHook = (step: string) => void | Promise<void>;

/*
 * What a kill can leave, and its repair. In the slot layout (see output-slots.ts) a write
 * changes `<out>` only by renaming a complete link over it, so the only leftovers are:
 *   - a half-filled inactive slot: nothing to repair, the next write never trusts it;
 *   - `.swap-link` (killed before the rename): unlinked;
 *   - `.convert-link`, from the one-time conversion of a real output folder
 *     (link made → `<out>` renamed into slot a → link renamed over `<out>`): killed between
 *     the two renames, `<out>` is missing and slot a holds the old site whole: the link is
 *     renamed into place; otherwise it is unlinked.
 * Earlier versions of daylight left `<out>.staging` (a partial generation) and
 * `<out>.previous` (a complete one) beside the output. They are cleaned only when they are
 * real folders daylight wrote: a symlink or a folder of foreign files is never followed or
 * emptied (the build stops and says so). `.previous` with no output is the old site,
 * killed between two renames: it comes back as the output.
 */

/** Puts an output back in a clean state after an interrupted write (see above). */
export async function repairOutput(outDir: string, afterStep?: StepHook): Promise<void> {
  await repairLayout(outputLayout(outDir), afterStep);
}

/** `repairOutput` for a layout already resolved. */
export async function repairLayout(layout: OutputLayout, afterStep: StepHook = () => {}): Promise<void> {
  await repairOldLayout(layout.output, afterStep);
  const convertLink = convertLinkPath(layout);
  if (await isSymlink(convertLink)) {
    if (!(await present(layout.output)) && (await present(slotPath(layout, "a")))) {
      await rename(convertLink, layout.output);
      await afterStep("repair-finished-conversion");
    } else {
      await unlink(convertLink);
    }
  }
  if (await isSymlink(swapLinkPath(layout))) await unlink(swapLinkPath(layout));
}

/** Cleans `<out>.staging` and `<out>.previous` left by earlier versions (see above). */
async function repairOldLayout(output: string, afterStep: StepHook): Promise<void> {
  const staging = `${output}.staging`;
  const previous = `${output}.previous`;
  const hasStaging = await ownedFolder(staging, false);
  const hasPrevious = await ownedFolder(previous, true);
  if (hasStaging) {
    await rm(staging, { recursive: true, force: true });
    await afterStep("repair-removed-staging");
  }
  if (!hasPrevious) return;
  if (!(await present(output))) {
    await rename(previous, output);
    await afterStep("repair-restored-previous");
    return;
  }
  // Deleted under the staging name, so that a kill half-way leaves only a staging folder.
  await rename(previous, staging);
  await afterStep("previous-detached");
  await rm(staging, { recursive: true, force: true });
  await afterStep("previous-removed");
}

/**
 * Whether `path` is there as a real folder daylight made: refuses (throws) a symlink, a
 * file, and — when `needsManifest` — a non-empty folder without daylight's manifest.
 */
async function ownedFolder(path: string, needsManifest: boolean): Promise<boolean> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (info === undefined) return false;
  const refuse = (what: string) =>
    new OutputLayoutError(`${path} ${what}: an earlier daylight leaves only its own folders there; move it away by hand`);
  if (info.isSymbolicLink()) throw refuse("is a symlink");
  if (!info.isDirectory()) throw refuse("is not a folder");
  if (needsManifest && !(await isDaylightFolder(path))) throw refuse("holds files daylight did not write");
  return true;
}

/** True when something (a folder, a file, even a dangling symlink) has this name. */
export async function present(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

async function isSymlink(path: string): Promise<boolean> {
  return lstat(path).then((info) => info.isSymbolicLink(), () => false);
}

/** The old layout's names beside `output`, for messages and tests. */
export const oldLayoutNames = (output: string): string[] => [`${output}.staging`, `${output}.previous`];

/**
 * Earlier versions kept the retired generation in the cache folder (`spare-outputs/`,
 * sharing inodes with the live output); the idle slot replaces it. Removed when it is a
 * real folder (a symlink of that name is not ours to follow).
 */
export async function removeOldSpares(cacheDir: string | undefined): Promise<void> {
  if (cacheDir === undefined) return;
  const spares = join(cacheDir, "spare-outputs");
  const info = await lstat(spares).catch(() => undefined);
  if (info?.isDirectory()) await rm(spares, { recursive: true, force: true });
}
