import { spawn } from "node:child_process";
import path from "node:path";
import { formatDiagnostic } from "../diagnostics.js";
import type { BuildOutcome } from "../dev/build-outcome.js";
import { startDevServer } from "../dev/dev-server.js";
import { isLoopbackHost } from "../dev/host-check.js";
import { siteLayout } from "../read/read-site.js";
import { countDiagnostics, plural, type Console } from "./report.js";

/** `daylight dev` as parsed: every path absolute. */
export interface DevCommand {
  readonly kind: "dev";
  readonly root: string;
  readonly postsDir: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly open: boolean;
  readonly navigate: boolean;
}

/**
 * `daylight dev`: builds in memory with drafts and future posts, serves with live reload,
 * rebuilds on every change; runs until SIGINT or SIGTERM (or `stop` resolves), then closes
 * cleanly. Writes no file. Resolves to the exit code.
 */
export async function runDev(command: DevCommand, console: Console, now: Date, stop = untilSignal()): Promise<number> {
  if (!isLoopbackHost(command.host)) {
    console.err(`daylight: warning: --host ${command.host} makes the dev server (drafts included) reachable from other machines`);
  }
  let lastReport = "";
  const server = await startDevServer({
    layout: siteLayout(command.root, command.postsDir),
    host: command.host,
    port: command.port,
    navigate: command.navigate,
    now,
    onBuild: (outcome) => {
      lastReport = reportBuild(console, outcome, lastReport);
    },
  });
  console.out(`daylight: serving ${path.basename(command.root) || command.root} at ${server.url}  (Ctrl-C to stop)`);
  if (command.open) openBrowser(server.url);
  await stop;
  await server.close();
  console.out("daylight: stopped");
  return 0;
}

/** Prints a build's diagnostics when they differ from the last ones printed, then one status line. */
function reportBuild(console: Console, outcome: BuildOutcome, lastReport: string): string {
  const report = outcome.diagnostics.map(formatDiagnostic).join("\n");
  if (report !== lastReport && report !== "") console.err(report);
  const ms = outcome.milliseconds.toFixed(0);
  if (outcome.ok) {
    const pages = outcome.changedUrls.length;
    console.out(`daylight: built ${plural(outcome.postCount, "post")} in ${ms} ms (${plural(pages, "changed file")}, ${countDiagnostics(outcome.diagnostics)})`);
  } else {
    console.err(`daylight: ${countDiagnostics(outcome.diagnostics)}; still serving the last good build`);
  }
  return report;
}

/** Resolves on the first SIGINT or SIGTERM, or when the command that started this process ends. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      process.off("disconnect", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    // Run by the command with a roomier heap (roomy-dev-heap.ts): the channel to it closes when it ends.
    if (process.connected) process.once("disconnect", done);
  });
}

/** Best effort: the URL is printed anyway. */
function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  const child = spawn(command, [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}
