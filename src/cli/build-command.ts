import path from "node:path";
import { buildSite } from "../build.js";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import type { BuildOptions } from "../config/site-config.js";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { checkOutDir } from "../output/check-out-dir.js";
import { createDiskWriter } from "../output/disk-writer.js";
import { readSite, siteLayout } from "../read-site.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { countDiagnostics, plural, reportDiagnostics, type Console } from "./report.js";

type BuildCommand = Extract<Command, { kind: "build" }>;

/** `daylight build`: read, build, write only when there is no error. Returns the exit code. */
export async function runBuild(command: BuildCommand, console: Console, now: Date, userCwd: string): Promise<number> {
  const started = performance.now();
  const outDir = command.outDir ?? path.join(command.root, "dist");
  const refusal = checkOutDir(outDir, command.root, undefined, command.postsDir ? [command.postsDir] : []);
  if (refusal) throw new UsageError(`refusing to build into ${outDir}: ${refusal}`);

  const sources = await readSite(siteLayout(command.root, command.postsDir));
  const { config, plugins, diagnostics: configDiagnostics } = resolveSiteConfig(sources.configSource, command.baseUrl);
  const options: BuildOptions = { drafts: command.drafts, future: command.future, strict: command.strict, now };
  // Without a url nothing can be built; when the config itself is broken, that is the news.
  const missingUrl: Diagnostic[] = config.url || hasErrors(configDiagnostics)
    ? []
    : [error("missing-url", "the site has no url: feeds and canonical links need an absolute one",
        "site.config.json", undefined, 'add "url": "https://example.com/" to site.config.json, or pass --base-url')];
  const configProblems = [...configDiagnostics, ...missingUrl];
  if (hasErrors(configProblems)) return fail(console, sortDiagnostics(configProblems));

  const result = await buildSite(sources, config, options, { plugins });
  const diagnostics = sortDiagnostics([...configProblems, ...result.diagnostics]);
  if (hasErrors(diagnostics)) return fail(console, diagnostics);

  reportDiagnostics(console, diagnostics);
  await createDiskWriter(outDir).write(result.files);
  const pageCount = result.files.filter((file) => file.path.endsWith(".html")).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.out(
    `daylight: built ${plural(result.postCount, "post")}, ${plural(pageCount, "page")} into ${shownPath(userCwd, outDir)} ` +
      `(${countDiagnostics(diagnostics)}) in ${seconds} s`,
  );
  return 0;
}

/** Relative to where the user stands when the folder is below it; else absolute. */
function shownPath(userCwd: string, dir: string): string {
  const relative = path.relative(userCwd, dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

function fail(console: Console, diagnostics: readonly Diagnostic[]): number {
  reportDiagnostics(console, diagnostics);
  console.err(`daylight: ${countDiagnostics(diagnostics)}; nothing was written`);
  return 1;
}
