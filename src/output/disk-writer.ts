import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { OutputFile } from "../model.js";
import {
  outputFolders, present, repairFolders, retirePrevious, type OutputFolders, type StepHook,
} from "./repair-output.js";
import { listFiles, makeFolders, runPool, stageFile } from "./stage-files.js";
import { assertValidOutputPaths } from "./validate-output-paths.js";
import type { Writer } from "./writer.js";
import { timedAsync } from "../stage-timings.js";

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
   * file), `staged`, `output-retired`, `staging-promoted`, `previous-detached`, `previous-removed`.
   */
  readonly afterStep?: StepHook;
}

export interface DiskWriterOptions {
  readonly hooks?: WriteHooks;
  /** How many files are staged at once. */
  readonly concurrency?: number;
}

/** A Writer that replaces `outDir` atomically: stage beside it, hard-link what is unchanged, swap by rename. */
export function createDiskWriter(outDir: string, options: DiskWriterOptions = {}): Writer {
  const afterStep = options.hooks?.afterStep ?? (() => {});
  const concurrency = options.concurrency ?? 16;
  return {
    async write(files) {
      assertValidOutputPaths(files);
      const folders = outputFolders(outDir);
      await assertFolderOrAbsent(folders.output);
      await timedAsync("write: repair", () => repairFolders(folders, afterStep));
      await afterStep("repaired");
      const before = await timedAsync("write: list old files", () => listFiles(folders.output));
      const linked = await timedAsync("write: stage files", () => stageOrCleanUp(files, folders, { afterStep, concurrency }));
      await timedAsync("write: swap", () => swap(folders, afterStep));
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
  readonly concurrency: number;
}

/** Fills the staging folder; returns how many files were linked. On error, removes it and rethrows. */
async function stageOrCleanUp(files: readonly OutputFile[], folders: OutputFolders, options: StageOptions): Promise<number> {
  const { output, staging } = folders;
  try {
    await mkdir(dirname(staging), { recursive: true });
    await mkdir(staging);
    await options.afterStep("staging-created");
    await makeFolders(files, staging);
    let linked = 0;
    await runPool(files, options.concurrency, async (file) => {
      if ((await stageFile(file, output, staging)) === "linked") linked++;
      await options.afterStep("file-staged");
    });
    await options.afterStep("staged");
    return linked;
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The only steps that change the live output: two renames, then the old generation goes. */
async function swap(folders: OutputFolders, afterStep: StepHook): Promise<void> {
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
  if (!hadOutput) return;
  // The new site is live; a leftover of the old one is cleaned by the next repair.
  await timedAsync("write: remove previous", () => retirePrevious(folders, afterStep)).catch((error: unknown) => {
    if (error instanceof SimulatedCrash) throw error;
  });
}
