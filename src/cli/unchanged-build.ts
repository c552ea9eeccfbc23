import { createHash } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { readBuildRecord, writeBuildRecord, type BuildReport } from "../cache/build-record.js";
import { codeIdentity } from "../cache/code-identity.js";
import { configFileNames, configModuleNames } from "../config/config-file-names.js";
import { builtinTemplatesDir } from "../config/package-paths.js";
import { checkSnapshot, takeSnapshot, UnsnapshotableTree, type TreeSnapshot, type TreeSpec } from "../files/tree-snapshot.js";
import { siteLayout } from "../read/site-layout.js";
import type { Command } from "./parse-args.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/**
 * A repeat build with nothing to do answers from the record of the last one (see
 * cache/build-record.ts) — when the record's inputs and output are as it left them, its
 * options, code and working folder are this build's, and the clock has not passed a moment
 * the record names (a scheduled post's date). This module is the command's fast path: it
 * imports nothing of the build.
 */
export type UnchangedCheck =
  | { readonly unchanged: true; readonly report: BuildReport }
  | { readonly unchanged: false; readonly reason: string };

/** Whether the last build into `outDir` is still what this build would make. */
export function checkUnchanged(command: BuildCommand, outDir: string, cacheDir: string, now: Date): UnchangedCheck {
  const record = readBuildRecord(cacheDir, outDir);
  if (record === undefined) return changed("no record of an earlier build into this output");
  if (record.key !== buildKey(command)) return changed("daylight, its options or the working folder changed");
  const at = now.getTime();
  if (at < record.builtAt) return changed("the build's time is before the last build's");
  if (record.validUntil !== null && at >= record.validUntil) return changed("the time passed a scheduled post's date or an earlier generation's retention");
  if (realPathOrNone(outDir) !== record.outputTarget) return changed(`${outDir} was replaced`);
  let inputs, output;
  try {
    inputs = checkSnapshot(record.inputs);
    if (inputs.change !== undefined) return changed(inputs.change);
    output = checkSnapshot(record.output);
    if (output.change !== undefined) return changed(output.change);
  } catch (error) {
    // A file that vanished between two looks, or one that may not be read: the build will say what is wrong.
    if ((error as NodeJS.ErrnoException).code !== undefined) return changed(String((error as Error).message));
    throw error;
  }
  if (inputs.refreshed !== undefined || output.refreshed !== undefined) {
    // Only stats just compared against the recorded bytes are saved: safe even beside another build.
    const refreshed = { ...record, inputs: inputs.refreshed ?? record.inputs, output: output.refreshed ?? record.output };
    try {
      writeBuildRecord(cacheDir, outDir, refreshed);
    } catch {
      // the next check reads those bytes again
    }
  }
  return { unchanged: true, report: record.report };
}

/** The inputs' snapshot, taken before the build reads them: an edit made while it runs is seen by the next one. */
export function snapshotInputs(command: BuildCommand): TreeSnapshot | undefined {
  const layout = siteLayout(command.root, command.postsDir);
  // A config module runs code that may read any file: no snapshot can vouch for it.
  if (configModuleNames.some((name) => existsSync(path.join(layout.root, name)))) return undefined;
  const trees: TreeSpec[] = [
    { dir: layout.root, skip: "none", links: "refuse", only: configFileNames },
    { dir: layout.postsDir, skip: "source-skipped", links: "refuse" },
    { dir: layout.pagesDir, skip: "source-skipped", links: "refuse" },
    { dir: layout.templatesDir, skip: "hidden", links: "refuse" },
    { dir: builtinTemplatesDir, skip: "hidden", links: "refuse" },
    { dir: layout.publicDir, skip: "none", links: "refuse" },
  ];
  return snapshotOrNone(trees);
}

/** What a finished build leaves for the next one to check against. */
export interface FinishedBuild {
  readonly inputs: TreeSnapshot;
  readonly now: Date;
  /** When the same inputs start to build differently; undefined: never. */
  readonly validUntil: number | undefined;
  readonly report: BuildReport;
}

/** Records a build whose output is written; says nothing when it cannot (the record only saves time). */
export function recordBuild(command: BuildCommand, outDir: string, cacheDir: string, build: FinishedBuild): void {
  const outputTarget = realPathOrNone(outDir);
  const output = outputTarget === undefined ? undefined : snapshotOrNone([{ dir: outputTarget, skip: "none", links: "record" }]);
  if (outputTarget === undefined || output === undefined) return;
  try {
    writeBuildRecord(cacheDir, outDir, {
      key: buildKey(command),
      builtAt: build.now.getTime(),
      validUntil: build.validUntil ?? null,
      outputTarget,
      inputs: build.inputs,
      output,
      report: build.report,
    });
  } catch {
    // The output is written: a record that cannot be saved (a full disk) only means the next build runs in full.
  }
}

/**
 * The options that shape what a build makes or says, with the running code and the working
 * folder (diagnostics name files from it). `--timings` and `--no-wait` change how the
 * command runs, not what it makes; any option added later counts until said otherwise.
 */
function buildKey(command: BuildCommand): string {
  const { timings: _timings, noWait: _noWait, ...shaping } = command;
  return createHash("sha256").update(JSON.stringify({ code: codeIdentity(), cwd: process.cwd(), shaping })).digest("hex");
}

function snapshotOrNone(trees: readonly TreeSpec[]): TreeSnapshot | undefined {
  try {
    return takeSnapshot(trees);
  } catch (error) {
    // A snapshot only saves time: a tree it cannot vouch for (a symlink, a file that vanished
    // mid-walk, one it may not read) means the next build runs in full.
    if (error instanceof UnsnapshotableTree || (error as NodeJS.ErrnoException).code !== undefined) return undefined;
    throw error;
  }
}

function realPathOrNone(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

const changed = (reason: string): UnchangedCheck => ({ unchanged: false, reason });
