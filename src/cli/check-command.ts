import { existsSync, statSync } from "node:fs";
import { checkSite } from "../check/check-site.js";
import { diskSiteFiles } from "../check/site-files.js";
import { hasErrors } from "../diagnostics.js";
import { readCheckSettings } from "./read-check-settings.js";
import { countDiagnostics, plural, reportDiagnostics, type Console } from "./report.js";
import { manifestPath } from "../urls/generated-files.js";

/** `daylight check [--out DIR] [--strict]`, with the folder resolved. */
export interface CheckCommand {
  readonly outDir: string;
  readonly strict: boolean;
  /** The site folder whose config's `rules` and `externalPaths` the check follows; none when undefined. */
  readonly root?: string | undefined;
}

/** `daylight check`: verifies a built folder; 0 when it has no errors, 1 otherwise (or when it is not a build). */
export async function runCheck(command: CheckCommand, console: Console): Promise<number> {
  const started = performance.now();
  const { outDir } = command;
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    console.err(`daylight: ${outDir} is not a folder: nothing to check (build first, or pass --out DIR)`);
    return 1;
  }
  if (!existsSync(`${outDir}/${manifestPath}`)) {
    console.err(`daylight: ${outDir} is not a daylight build: it has no ${manifestPath}`);
    return 1;
  }
  const settings = await readCheckSettings(command.root);
  if ("errors" in settings) {
    reportDiagnostics(console, settings.errors);
    console.err(`daylight: the site config has ${countDiagnostics(settings.errors)}; nothing was checked`);
    return 1;
  }
  const site = diskSiteFiles(outDir);
  const diagnostics = checkSite(site, { strict: command.strict, ...settings });
  reportDiagnostics(console, diagnostics);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const summary = `checked ${plural(site.paths().length, "file")} in ${outDir} (${countDiagnostics(diagnostics)}) in ${seconds} s`;
  if (hasErrors(diagnostics)) {
    console.err(`daylight: ${summary}`);
    return 1;
  }
  console.out(`daylight: ${summary}`);
  return 0;
}
