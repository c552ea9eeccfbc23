import { mkdir } from "node:fs/promises";
import { checkSite } from "../check/check-site.js";
import { diskSiteFiles } from "../check/site-files.js";
import { hasErrors } from "../diagnostics.js";
import { readCheckSettings } from "./read-check-settings.js";
import { planDeploy, type DeployPlan, type DeployStep } from "../deploy/plan-deploy.js";
import { readBuild, type BuildListing } from "../deploy/read-build.js";
import type { BuildFile } from "../deploy/plan-deploy.js";
import { hashBytes } from "../files/hash-file.js";
import { serializeManifest } from "../generations/serialize-manifest.js";
import { readTarget } from "../deploy/read-target.js";
import { BuildChangedError, runDeployPlan, type DeployHooks } from "../deploy/run-deploy.js";
import { deployedManifest, recordDeploy } from "../deploy/record-deploy.js";
import { guardFolder } from "../output/guard-folder.js";
import { resolveRealPath } from "../output/resolve-real-path.js";
import { countDiagnostics, plural, reportDiagnostics, type Console } from "./report.js";
import { manifestPath } from "../urls/generated-files.js";

/** `daylight deploy --to DIR [--out DIR] [--dry-run] [--max-deletes N]`, with paths resolved. */
export interface DeployCommand {
  /** The site folder: its source folders are never a deploy target. */
  readonly root: string;
  readonly outDir: string;
  readonly to: string;
  /** `--force`: publish into a folder that holds files no daylight deploy wrote. */
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly maxDeletes: number;
}

/**
 * `daylight deploy`: checks the built folder, plans the safe order and publishes it into
 * `--to`. 0 done (or planned, with --dry-run); 1 the build has errors, a delete count over
 * the cap or a path in the way (nothing changed); 2 a refused `--to`.
 */
export async function runDeploy(command: DeployCommand, console: Console, hooks: DeployHooks = {}): Promise<number> {
  const started = performance.now();
  const refusal = guardFolder(command.to, "deploy target", { root: command.root, outDir: command.outDir, force: command.force });
  if (refusal) {
    console.err(`daylight: refusing to deploy to ${command.to}: ${refusal}`);
    return 2;
  }
  let build = readBuild(command.outDir);
  if (typeof build === "string") return fail(console, build);
  const settings = await readCheckSettings(command.root);
  if ("errors" in settings) {
    reportDiagnostics(console, settings.errors);
    return fail(console, `the site config has ${countDiagnostics(settings.errors)}`);
  }
  const diagnostics = checkSite(diskSiteFiles(command.outDir), { strict: false, ...settings });
  reportDiagnostics(console, diagnostics);
  if (hasErrors(diagnostics)) return fail(console, `${command.outDir} has ${countDiagnostics(diagnostics)}`);

  const to = resolveRealPath(command.to);
  const target = await readTarget(to);
  // Planned on the manifest as the deploy will publish it (see recordDeploy): the counts are the real ones.
  const plan = planDeploy(publishedListing(build), target);
  if (plan.conflicts.length > 0) {
    return fail(console, `${to} has a file or folder in the way of ${plan.conflicts.slice(0, 5).join(", ")}; remove it by hand`);
  }
  if (plan.deletes.length > command.maxDeletes) {
    for (const path of plan.deletes.slice(0, 20)) console.err(`  would delete ${path}`);
    return fail(console, `the deploy would delete ${plural(plan.deletes.length, "file")}, more than --max-deletes ${command.maxDeletes}` +
      " (raise it if that is intended)");
  }
  if (command.dryRun) {
    for (const step of plan.steps) console.out(describeStep(step));
    console.out(`daylight: dry run: ${summary(plan)}; nothing was changed`);
    return 0;
  }
  try {
    await mkdir(to, { recursive: true });
    // From here on its URLs may be live: the built folder's manifest says so, and so does the one published.
    if (await recordDeploy(command.outDir, build.manifest)) {
      build = readBuild(command.outDir);
      if (typeof build === "string") return fail(console, build);
    }
    await runDeployPlan(plan, { from: command.outDir, to, build: build.files }, hooks);
  } catch (error) {
    if (!(error instanceof BuildChangedError)) throw error;
    console.err(`daylight: ${error.message}; the deploy stopped part-way: run it again to finish it`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(`daylight: deployed ${command.outDir} to ${to}: ${summary(plan)} in ${seconds} s`);
  return 0;
}

/** The build's files with its manifest as the deploy will publish it (no unpublished URLs left). */
function publishedListing(build: BuildListing): ReadonlyMap<string, BuildFile> {
  if (build.manifest.unpublished === undefined) return build.files;
  const files = new Map(build.files);
  files.set(manifestPath, { ...hashBytes(Buffer.from(serializeManifest(deployedManifest(build.manifest)))), cache: "revalidate" });
  return files;
}

function fail(console: Console, reason: string): number {
  console.err(`daylight: ${reason}; nothing was deployed`);
  return 1;
}

const summary = (plan: DeployPlan): string =>
  `${plural(plan.uploads, "file")} to upload, ${plural(plan.deletes.length, "file")} to delete, ${plan.unchanged} unchanged`;

/** One line of a dry run: what, and why at that point. */
function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case "clean":
      return `clean   ${step.path}  (left by an interrupted deploy)`;
    case "upload":
      return `upload  ${step.path}  (${step.change}, ${step.phase})`;
    case "delete":
      return `delete  ${step.path}`;
    case "remove-folder":
      return `remove  ${step.path}/  (an empty folder the build does not have)`;
  }
}
