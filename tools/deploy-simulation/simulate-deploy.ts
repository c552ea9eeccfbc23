/**
 * Proof by simulation: publish generation N into a folder served over HTTP (127.0.0.1),
 * then deploy N+1, N+2… into it while a client keeps requesting every URL of the
 * generations before and after and every local URL each served page references. Reports
 * each moment a reader would have seen a broken page. Run it on your own builds:
 *
 *   npm run simulate-deploy -- dist-N dist-N+1 [dist-N+2 …]
 *
 * A tool of this repository, not part of the package: it is compiled on its own
 * (tsconfig.tools.json) into node_modules/.cache, never into lib/.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { siteBaseOf } from "../../src/check/resolve-reference.js";
import { runDeploy } from "../../src/cli/deploy-command.js";
import type { Console } from "../../src/cli/report.js";
import { startProbe, type ProbeViolation } from "./deploy-probe.js";
import { readBuild } from "../../src/deploy/read-build.js";
import type { DeployHooks } from "../../src/deploy/run-deploy.js";
import { serveFolder } from "./static-server.js";

export interface SimulationOptions {
  /** Built folders, oldest first: the first is published before the client starts. */
  readonly builds: readonly string[];
  /** The served folder (default: a fresh temporary folder, removed afterwards). */
  readonly target?: string;
  /** Pause before each deploy step, so requests interleave with the deploy (default 5 ms). */
  readonly stepDelayMs?: number;
  readonly console: Console;
}

export interface SimulationReport {
  readonly requests: number;
  readonly deploys: number;
  readonly violations: readonly ProbeViolation[];
}

/** Runs the simulation; throws only when a build cannot be deployed at all. */
export async function simulateDeploy(options: SimulationOptions): Promise<SimulationReport> {
  const [first, ...rest] = options.builds;
  if (first === undefined || rest.length === 0) throw new Error("the simulation needs at least two built folders");
  const target = options.target ?? (await mkdtemp(join(tmpdir(), "daylight-simulation-")));
  const quiet: Console = { out: () => {}, err: (line) => options.console.err(line) };
  try {
    await deployOrThrow(first, target, quiet);
    const base = baseOf(first);
    const server = await serveFolder(target, base.path);
    const probe = startProbe(server.origin, base);
    const delay = options.stepDelayMs ?? 5;
    const hooks: DeployHooks = { beforeStep: () => new Promise((resolve) => setTimeout(resolve, delay)) };
    let failure: unknown;
    try {
      for (const [index, build] of rest.entries()) {
        probe.setPhase({ before: publishedUrls(options.builds[index]!), after: publishedUrls(build) });
        await deployOrThrow(build, target, quiet, hooks);
        options.console.out(`deployed ${build}`);
      }
    } catch (error) {
      failure = error;
    }
    const seen = await probe.stop();
    await server.close();
    if (failure !== undefined) throw failure;
    return { requests: seen.requests, deploys: rest.length, violations: seen.violations };
  } finally {
    if (options.target === undefined) await rm(target, { recursive: true, force: true });
  }
}

async function deployOrThrow(build: string, to: string, console: Console, hooks: DeployHooks = {}): Promise<void> {
  // The builds live in folders of their own: none of them is a site's source folder.
  const command = { root: dirname(build), outDir: build, to, force: false, dryRun: false, maxDeletes: Number.MAX_SAFE_INTEGER };
  const code = await runDeploy(command, console, hooks);
  if (code !== 0) throw new Error(`deploying ${build} failed (exit ${code})`);
}

function baseOf(build: string) {
  const listing = readBuild(build);
  const base = typeof listing === "string" ? undefined : siteBaseOf(listing.manifest.baseUrl);
  if (!base) throw new Error(`${build} is not a daylight build with a base URL`);
  return base;
}

/** Every URL a build publishes: `x/index.html` as `x/`, other files by name, under the base path. */
export function publishedUrls(build: string): Set<string> {
  const listing = readBuild(build);
  if (typeof listing === "string") throw new Error(listing);
  const base = baseOf(build);
  const urls = new Set<string>();
  for (const path of listing.files.keys()) {
    const served = path === "index.html" ? "" : path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
    urls.add(base.path + encodeURI(served));
  }
  return urls;
}

async function main(argv: readonly string[]): Promise<number> {
  const console: Console = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  const report = await simulateDeploy({ builds: argv, console });
  for (const v of report.violations) console.err(`${v.kind}: ${v.url} answered ${v.status}${v.page ? ` (referenced by ${v.page})` : ""}`);
  console.out(`${report.deploys} deploys, ${report.requests} requests, ${report.violations.length} violations`);
  return report.violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    process.stderr.write(`simulate-deploy: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
