import { mkdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { hashBytes } from "../files/hash-file.js";
import type { BuildFile, DeployPlan, DeployStep } from "./plan-deploy.js";
import { isRealPathInside } from "./read-target.js";

/** Observation points: tests slow a deploy down (to interleave requests) or stop it at a step. */
export interface DeployHooks {
  /** Awaited before each step; throwing stops the deploy there, as a kill would. */
  readonly beforeStep?: (step: DeployStep, index: number) => void | Promise<void>;
}

/** Where a plan is carried out. */
export interface DeployPlace {
  /** The built folder (the source). */
  readonly from: string;
  /** The served folder (the target), a real path. */
  readonly to: string;
  /** The build's files, to verify each one's bytes as it is read. */
  readonly build: ReadonlyMap<string, BuildFile>;
}

/** The build changed under a running deploy (a new build swapped in): stop, and let the user run it again. */
export class BuildChangedError extends Error {}

/** The name a file is written under before it is renamed over `path`: hidden, beside it. */
export const temporaryPathOf = (path: string): string => join(dirname(path), `.${basename(path)}.daylight-tmp`);

/** Carries out every step of `plan` in order. */
export async function runDeployPlan(plan: DeployPlan, place: DeployPlace, hooks: DeployHooks = {}): Promise<void> {
  for (const [index, step] of plan.steps.entries()) {
    await hooks.beforeStep?.(step, index);
    await runStep(step, place);
  }
}

async function runStep(step: DeployStep, place: DeployPlace): Promise<void> {
  if (!(await isRealPathInside(place.to, step.path))) {
    throw new Error(`refusing to touch ${step.path}: a symlink on the way leads out of ${place.to}`);
  }
  const target = join(place.to, step.path);
  switch (step.kind) {
    case "clean":
      await rm(target, { force: true });
      return;
    case "upload":
      return upload(step.path, place);
    case "delete":
      await unlink(target).catch(ignoreMissing);
      await removeEmptyFolders(place.to, dirname(step.path));
      return;
    case "remove-folder":
      // With its parents when that empties them (a delete above may have stopped at this folder).
      await removeEmptyFolders(place.to, step.path);
  }
}

/** Writes the file beside its place and renames it over: a reader sees the old bytes or the new, never a part. */
async function upload(path: string, place: DeployPlace): Promise<void> {
  const bytes = await readFile(join(place.from, path));
  const expected = place.build.get(path);
  const digest = hashBytes(bytes);
  if (!expected || digest.hash !== expected.hash || digest.size !== expected.size) {
    throw new BuildChangedError(`${path} in ${place.from} changed after it was checked`);
  }
  const target = join(place.to, path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathOf(target);
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}

/** Removes `folder` and its parents while they are empty, never the target root itself. */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current !== "." && current !== ""; current = dirname(current)) {
    try {
      await rmdir(join(root, current));
    } catch (error) {
      // Not empty: its parents are not empty either. Already gone: its parent may be empty now.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
    }
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
