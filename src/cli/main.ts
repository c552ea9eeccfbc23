/** argv → command → exit code, with the terminal injected so that tests see what a user sees. */
import { parseCommand, UsageError } from "./parse-args.js";
import type { Console } from "./report.js";
import { commandUsage, mainUsage } from "./usage.js";
import { readNow } from "./read-now.js";
import { readVersion } from "../config/package-paths.js";
import { describeIoFailure } from "./describe-io-failure.js";
import type { SiteFolderNeeds } from "../config/site-folder-problem.js";
import { reportDiagnostics } from "./report.js";

export { commandEntryMark } from "./report-timings.js";

/** Runs one command; resolves to the exit code (0 done, 1 the site has errors, 2 usage). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, console: Console): Promise<number> {
  const userCwd = env.INIT_CWD ?? process.cwd();
  try {
    const now = readNow(env);
    const command = parseCommand(argv, userCwd, process.cwd());
    switch (command.kind) {
      case "help": {
        const text = command.topic === undefined ? mainUsage : commandUsage[command.topic];
        if (text === undefined) throw new UsageError(`no help for unknown command "${command.topic}"`);
        console.out(text);
        return 0;
      }
      case "version":
        console.out(readVersion());
        return 0;
      // Each command loads its own code: a build does not import the dev server or deploy.
      case "build":
        if (await wrongFolder(command.root, { postsDir: command.postsDir }, console)) return 1;
        return await (await import("./build-command.js")).runBuild(command, console, now, userCwd);
      case "new":
        if (await wrongFolder(command.root, { postsDir: undefined, mayStartSite: true }, console)) return 1;
        return await (await import("./new-command.js")).runNew(command, console, now);
      case "init":
        return await (await import("./init-command.js")).runInit(command, console, now, userCwd);
      case "dev":
        if (await wrongFolder(command.root, { postsDir: command.postsDir }, console)) return 1;
        return await (await import("./dev-command.js")).runDev(command, console, now);
      case "check":
        return await (await import("./check-command.js")).runCheck(command, console);
      case "deploy":
        return await (await import("./deploy-command.js")).runDeploy(command, console);
      case "lsp":
        // A server runs for days: "now" is read again whenever it is needed, unless SOURCE_DATE_EPOCH fixes it.
        return await (await import("./lsp-command.js")).runLsp(command, () => readNow(env));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.err(`daylight: ${e.message}`);
      console.err(`Run "daylight --help" for usage.`);
      return 2;
    }
    // File-system failures (a full disk, a refused permission) are the machine's, not a bug: one line.
    const ioFailure = describeIoFailure(e, { outcome: argv[0] === "build" ? buildOutcome : undefined });
    if (ioFailure) {
      console.err(`daylight: ${ioFailure}`);
      return 1;
    }
    throw e;
  }
}

/** True (and said) when the folder taken as the site is not one: see siteFolderProblem. */
async function wrongFolder(root: string, needs: SiteFolderNeeds, console: Console): Promise<boolean> {
  // Loaded here, not above: it reads the config's file names, whose module brings the config
  // parser, which `--help` and `--version` do not need.
  const { siteFolderProblem } = await import("../config/site-folder-problem.js");
  const problem = siteFolderProblem(root, needs);
  if (problem === undefined) return false;
  reportDiagnostics(console, [problem]);
  return true;
}

/** A build that fails leaves the output as it was (the writer's promise, see disk-writer.ts). */
const buildOutcome = "the previous output is unchanged";
