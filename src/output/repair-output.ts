import { lstat, rename, rm } from "node:fs/promises";
import { resolveRealPath } from "./resolve-real-path.js";

/** The three sibling folders of one output: the live one, the one being filled, the one being retired. */
export interface OutputFolders {
  readonly output: string;
  readonly staging: string;
  readonly previous: string;
}

/** Called after each step; a hook that throws `SimulatedCrash` stops the writer dead (tests). */
export type StepHook = (step: string) => void | Promise<void>;

/** Where `outDir`, `<outDir>.staging` and `<outDir>.previous` really are (symlinks followed). */
export function outputFolders(outDir: string): OutputFolders {
  const output = resolveRealPath(outDir);
  if (output === "/") throw new Error("the output folder cannot be the file system root");
  return { output, staging: `${output}.staging`, previous: `${output}.previous` };
}

/*
 * The state machine. O = output, S = staging, P = previous. A write goes
 *   repair → mkdir S, fill S → rename O→P → rename S→O → rename P→S → rm S.
 * Invariants: O and P only come into being by renaming a complete folder, so when present
 * they are complete generations; S may be partial and is garbage whenever no write is
 * running; folders are only ever deleted under the name S, so an interrupted delete
 * leaves nothing but garbage. States a kill can leave, and their repair:
 *   O  S  P
 *   O  -  -   clean: nothing to do
 *   O  S  -   killed while filling S, or while deleting the retired S: rm S (O is complete)
 *   -  S  -   first build killed while filling S: rm S (there is no output yet)
 *   -  S  P   killed between the two renames: P→O (the old generation comes back), rm S
 *   O  -  P   killed after the swap, before retiring P: P→S, rm S (O is the new generation)
 *   -  -  P   only if someone deleted O by hand: P→O
 * The repair steps (P→O if O is missing; rm S; P→S then rm S) are themselves safe to
 * interrupt: each leaves one of the states above.
 */

/** Puts an output folder back in a clean state after an interrupted write (see the state machine). */
export async function repairOutput(outDir: string, afterStep?: StepHook): Promise<void> {
  await repairFolders(outputFolders(outDir), afterStep);
}

/** `repairOutput` for folders already resolved. */
export async function repairFolders(folders: OutputFolders, afterStep: StepHook = () => {}): Promise<void> {
  const { output, staging, previous } = folders;
  if (!(await present(output)) && (await present(previous))) {
    await rename(previous, output);
    await afterStep("repair-restored-previous");
  }
  if (await present(staging)) {
    await rm(staging, { recursive: true, force: true });
    await afterStep("repair-removed-staging");
  }
  if (await present(previous)) await retirePrevious(folders, afterStep);
}

/** Deletes P under the name S so that a kill half-way through leaves only garbage. */
export async function retirePrevious(folders: OutputFolders, afterStep: StepHook): Promise<void> {
  await rename(folders.previous, folders.staging);
  await afterStep("previous-detached");
  await rm(folders.staging, { recursive: true, force: true });
  await afterStep("previous-removed");
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
