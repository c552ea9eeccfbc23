import { lstat, rename, rm, stat, symlink, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { OutputFile } from "../model.js";
import {
  convertLinkPath, ensureGenerations, ensureSlotFolder, isDaylightFolder, linkTarget, otherSlot, outputLayout,
  OutputLayoutError, outputState, slotPath, switchLink, type OutputLayout, type SlotName,
} from "./output-slots.js";
import { repairLayout, type StepHook } from "./repair-output.js";
import { reconcileSlot } from "./reconcile-slot.js";
import { openPageSpool, spoolFileOf, type PageSpool } from "./page-spool.js";
import { openStagingFolder, stagingFolderOf, type StagingFolder } from "./staging-folder.js";
import { listFiles } from "../files/list-files.js";
import { updateInPlace } from "./update-in-place.js";
import { assertValidOutputPaths } from "../files/validate-output-paths.js";
import type { Writer } from "./writer.js";
import { timed, timedAsync } from "../timings/stage-timings.js";

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
   * Called after each step: `repair-*`, `repaired`; once, for a real output folder,
   * `convert-link-made`, `output-moved`, `converted`; then `slot-ready`, `file-staged`
   * (once per file), `staged`, `link-made`, `swapped` — or, for a mount point,
   * `staged` and `updated-in-place`.
   */
  readonly afterStep?: StepHook;
}

export interface DiskWriterOptions {
  readonly hooks?: WriteHooks;
  /**
   * Replace a real output folder that holds files daylight did not write (`--force`).
   * Without it such a folder is refused, never emptied.
   */
  readonly replaceForeign?: boolean;
}

/** A Writer to disk; `close` removes what it staged and did not write (all of it, when the build failed), and what it parked. */
export type DiskWriter = Writer & { close(): void };

/**
 * A Writer whose output path never lacks a complete site: it fills the slot the output's
 * symlink does not point to, then swaps the link with one rename (see output-slots.ts).
 * Pages staged meanwhile wait in a staging folder beside the output, made at the first one;
 * parked texts in a spool file beside it, opened at the first one (see page-spool.ts).
 */
export function createDiskWriter(outDir: string, options: DiskWriterOptions = {}): DiskWriter {
  const afterStep = options.hooks?.afterStep ?? (() => {});
  let staging: StagingFolder | undefined;
  let spool: PageSpool | undefined;
  return {
    stage(path, text) {
      staging ??= openStagingFolder(stagingFolderOf(outDir));
      return staging.stage(path, text);
    },
    park(text) {
      spool ??= openPageSpool(spoolFileOf(outDir));
      return spool.park(text);
    },
    close() {
      staging?.remove();
      spool?.close();
      staging = undefined;
      spool = undefined;
    },
    async write(files) {
      assertValidOutputPaths(files);
      const layout = outputLayout(outDir);
      await timedAsync("write: repair", () => repairLayout(layout, afterStep));
      await afterStep("repaired");
      const live = await liveSlotAfterConversion(layout, options, afterStep);
      if (live === "in-place") return updateInPlace(files, layout, afterStep);
      const before = timed("write: list old files", () => listFiles(layout.output));
      const slot = live === undefined ? "a" : otherSlot(live);
      const unchanged = await timedAsync("write: fill slot", () => fillSlot(files, layout, slot, live === undefined, afterStep));
      await timedAsync("write: swap", () => switchLink(layout, slot, afterStep));
      await afterStep("swapped");
      const paths = new Set(files.map((file) => file.path));
      return {
        written: files.length - unchanged,
        unchanged,
        removed: before.filter((path) => !paths.has(path)).length,
      };
    },
  };
}

/**
 * The slot `<out>` points to (undefined: there is no output yet), after converting a real
 * output folder into slot a; "in-place" for a folder that cannot be moved (a mount point).
 */
async function liveSlotAfterConversion(layout: OutputLayout, options: DiskWriterOptions, afterStep: StepHook) {
  const state = await outputState(layout);
  if (state.kind === "other") throw new OutputLayoutError(`the output ${layout.output} is ${state.what}`);
  if (state.kind === "absent") return undefined;
  if (state.kind === "linked") return state.live;
  if (!options.replaceForeign && !(await isDaylightFolder(layout.output))) {
    throw new OutputLayoutError(`the output folder ${layout.output} holds files daylight did not write; refusing to replace it`);
  }
  if (await isMountPoint(layout.output)) return "in-place";
  return (await convertOutput(layout, afterStep)) ? ("a" as const) : "in-place";
}

/** Fills `slot`; a first build that fails takes its half-made slot with it. */
async function fillSlot(files: readonly OutputFile[], layout: OutputLayout, slot: SlotName, first: boolean, afterStep: StepHook) {
  await ensureGenerations(layout);
  const path = await ensureSlotFolder(layout, slot);
  await afterStep("slot-ready");
  try {
    const unchanged = await reconcileSlot(files, path, () => afterStep("file-staged"));
    await afterStep("staged");
    return unchanged;
  } catch (error) {
    if (first && !(error instanceof SimulatedCrash)) await rm(path, { recursive: true, force: true });
    throw error;
  }
}

/** A folder on another device than its parent: a mount point, which no rename can move. */
async function isMountPoint(path: string): Promise<boolean> {
  const [own, parent] = await Promise.all([stat(path), stat(dirname(path))]);
  return own.dev !== parent.dev;
}

/**
 * Turns a real output folder into slot a behind our link, once. The link is made first, so
 * that a kill between the two renames leaves the repair a complete site to point at
 * (repair-output.ts); the output is missing for that one moment. Returns false, having
 * changed nothing, when the folder cannot be moved (a bind mount: EBUSY; another device: EXDEV).
 */
async function convertOutput(layout: OutputLayout, afterStep: StepHook): Promise<boolean> {
  await ensureGenerations(layout);
  const slot = slotPath(layout, "a");
  const info = await lstat(slot).catch(() => undefined);
  // Not live (the output is a real folder), so ours to drop; a link there is unlinked, never followed.
  if (info?.isDirectory()) await rm(slot, { recursive: true, force: true });
  else if (info) await unlink(slot);
  const link = convertLinkPath(layout);
  await rm(link, { force: true });
  await symlink(linkTarget(layout, "a"), link);
  await afterStep("convert-link-made");
  try {
    await rename(layout.output, slot);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EBUSY" && code !== "EXDEV") throw error;
    await unlink(link);
    return false;
  }
  await afterStep("output-moved");
  await rename(link, layout.output);
  await afterStep("converted");
  return true;
}
