import { join } from "node:path";
import { hashFile } from "../files/hash-file.js";
import type { OutputFile } from "../model.js";
import { planDeploy, type BuildFile } from "../deploy/plan-deploy.js";
import { readBuild } from "../deploy/read-build.js";
import { readTarget } from "../deploy/read-target.js";
import { runDeployPlan } from "../deploy/run-deploy.js";
import { ensureGenerations, ensureSlotFolder, OutputLayoutError, type OutputLayout } from "./output-slots.js";
import type { StepHook } from "./repair-output.js";
import { reconcileSlot } from "./reconcile-slot.js";
import { runPool } from "../files/run-pool.js";
import type { WriteReport } from "./writer.js";

/**
 * Writes into an output folder that cannot be replaced by a rename (a mount point or a
 * bind mount): the new generation is made whole in slot a first, then published into the
 * folder in the deploy's safe order (src/deploy): new hashed assets first, pages each
 * written beside its place and renamed over it, deletions last. Every file a reader gets
 * is whole, old or new; the site as a whole changes over the time the update takes.
 */
export async function updateInPlace(files: readonly OutputFile[], layout: OutputLayout, afterStep: StepHook): Promise<WriteReport> {
  await ensureGenerations(layout);
  const slot = await ensureSlotFolder(layout, "a");
  await reconcileSlot(files, slot, () => afterStep("file-staged"));
  await afterStep("staged");
  const build = await listingOf(slot, files);
  const plan = planDeploy(build, await readTarget(layout.output));
  if (plan.conflicts.length > 0) {
    throw new OutputLayoutError(`the output folder ${layout.output} has a file or folder in the way of ${plan.conflicts.slice(0, 5).join(", ")}; remove it by hand`);
  }
  await runDeployPlan(plan, { from: slot, to: layout.output, build });
  await afterStep("updated-in-place");
  return { written: plan.uploads, unchanged: plan.unchanged, removed: plan.deletes.length };
}

/** Each file's hash as the slot holds it, and its cache class from the manifest (when the site has one). */
async function listingOf(slot: string, files: readonly OutputFile[]): Promise<Map<string, BuildFile>> {
  const manifest = readBuild(slot);
  const classes = typeof manifest === "string" ? undefined : manifest.files;
  const listing = new Map<string, BuildFile>();
  await runPool(files, 16, async ({ path }) => {
    const digest = await hashFile(join(slot, path));
    listing.set(path, { ...digest, cache: classes?.get(path)?.cache ?? "revalidate" });
  });
  return listing;
}
