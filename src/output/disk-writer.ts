import { createHash } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "../model.js";
import {
  outputFolders, present, repairFolders, retirePrevious, type OutputFolders, type StepHook,
} from "./repair-output.js";
import { reconcileStaging } from "./reconcile-staging.js";
import { listFiles } from "./list-files.js";
import { assertValidOutputPaths } from "./validate-output-paths.js";
import type { Writer } from "./writer.js";
import { timed, timedAsync } from "../stage-timings.js";

/**
 * Thrown from a test hook to stand for the process dying at that step: the writer rethrows
 * it at once, without any cleanup, leaving the disk exactly as a kill would.
 */
export class SimulatedCrash extends Error {
  constructor(step: string) {
    super(`simulated crash after ${step}`);
    this.name = "SimulatedCrash";
  }
}

/** Observation points for crash tests (a hook may also await, so a child process can be killed there). */
export interface WriteHooks {
  /**
   * Called after each step: `repair-*`, `repaired`, `staging-created`, `file-staged` (once per
   * file), `staged`, `output-retired`, `staging-promoted`, then `previous-kept` (with a
   * spare folder) or `previous-detached` and `previous-removed`.
   */
  readonly afterStep?: StepHook;
}

export interface DiskWriterOptions {
  readonly hooks?: WriteHooks;
  /**
   * A folder (the build cache's) where the retired generation is kept, so that the next
   * write fills it in place of an empty staging folder: only the files that changed are
   * written, and no folder per page is created and deleted again. Never trusted: every
   * file in it is checked against the output or replaced. Without one, the retired
   * generation is deleted.
   */
  readonly spareRoot?: string | undefined;
}

/** A Writer that replaces `outDir` atomically: stage beside it, hard-link what is unchanged, swap by rename. */
export function createDiskWriter(outDir: string, options: DiskWriterOptions = {}): Writer {
  const afterStep = options.hooks?.afterStep ?? (() => {});
  return {
    async write(files) {
      assertValidOutputPaths(files);
      const folders = outputFolders(outDir);
      await assertFolderOrAbsent(folders.output);
      await timedAsync("write: repair", () => repairFolders(folders, afterStep));
      await afterStep("repaired");
      const before = timed("write: list old files", () => listFiles(folders.output));
      const spare = options.spareRoot === undefined ? undefined : spareFolder(options.spareRoot, folders.output);
      const linked = await timedAsync("write: stage files", () => stageOrCleanUp(files, folders, { afterStep, spare }));
      const hadOutput = await timedAsync("write: swap", () => swap(folders, afterStep));
      if (hadOutput) await timedAsync("write: retire previous", () => retire(folders, afterStep, spare));
      const paths = new Set(files.map((file) => file.path));
      return {
        written: files.length - linked,
        unchanged: linked,
        removed: before.filter((path) => !paths.has(path)).length,
      };
    },
  };
}

async function assertFolderOrAbsent(output: string): Promise<void> {
  if ((await present(output)) && !(await stat(output)).isDirectory()) {
    throw new Error(`the output ${output} exists and is not a folder`);
  }
}

interface StageOptions {
  readonly afterStep: StepHook;
  /** Where this output's retired generation is kept, if anywhere. */
  readonly spare: string | undefined;
}

/** The spare folder of one output (several sites may share a cache folder). */
function spareFolder(root: string, output: string): string {
  return join(root, createHash("sha256").update(output).digest("hex").slice(0, 16));
}

/** Fills the staging folder; returns how many files were linked. On error, removes it and rethrows. */
async function stageOrCleanUp(files: readonly OutputFile[], folders: OutputFolders, options: StageOptions): Promise<number> {
  const { output, staging } = folders;
  try {
    await mkdir(dirname(staging), { recursive: true });
    await takeSpareOrCreate(options.spare, staging);
    await options.afterStep("staging-created");
    const linked = await reconcileStaging(files, output, staging, () => options.afterStep("file-staged"));
    await options.afterStep("staged");
    return linked;
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The staging folder: the spare generation renamed into place when there is one, else a new folder. */
async function takeSpareOrCreate(spare: string | undefined, staging: string): Promise<void> {
  if (spare !== undefined) {
    try {
      await rename(spare, staging);
      return;
    } catch (error) {
      // No spare yet (ENOENT), or one that cannot move here (another device): start empty,
      // and drop it if it can be dropped; a spare is only ever a saving.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") await rm(spare, { recursive: true, force: true }).catch(() => {});
    }
  }
  await mkdir(staging);
}

/**
 * The only steps that change the live output: two renames. Returns whether there was an
 * output before, now the previous folder.
 */
async function swap(folders: OutputFolders, afterStep: StepHook): Promise<boolean> {
  const { output, staging, previous } = folders;
  const hadOutput = await present(output);
  if (hadOutput) {
    await rename(output, previous);
    await afterStep("output-retired");
  }
  try {
    await rename(staging, output);
  } catch (error) {
    if (hadOutput) await rename(previous, output).catch(() => {}); // else the next repair restores it
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  await afterStep("staging-promoted");
  return hadOutput;
}

/**
 * The old generation leaves: kept as the spare when there is a place for it, else deleted.
 * The new site is already live; a leftover of the old one is cleaned by the next repair.
 */
async function retire(folders: OutputFolders, afterStep: StepHook, spare: string | undefined): Promise<void> {
  try {
    if (spare !== undefined && (await keepAsSpare(folders.previous, spare))) {
      await afterStep("previous-kept");
      return;
    }
    await retirePrevious(folders, afterStep);
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
  }
}

async function keepAsSpare(previous: string, spare: string): Promise<boolean> {
  try {
    await rm(spare, { recursive: true, force: true });
    await mkdir(dirname(spare), { recursive: true });
    await rename(previous, spare);
    return true;
  } catch {
    return false; // another device, no permission: deleting it instead is always right
  }
}
