import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../files/list-files.js";
import { planInit, type InitFolder, type InitWrite } from "../init/plan-init.js";
import { placeholders } from "../init/init-files.js";
import { readPackage } from "../config/package-paths.js";
import { error } from "../diagnostics.js";
import { reportDiagnostics, type Console } from "./report.js";

/** `daylight init [DIR] [--title T] [--url U] [--author A] [--force]`, with the folder resolved. */
export interface InitCommand {
  readonly root: string;
  readonly title: string | undefined;
  readonly url: string | undefined;
  readonly author: string | undefined;
  readonly force: boolean;
}

/**
 * `daylight init`: makes the folder a site (config, an example draft, package.json
 * scripts, .gitignore) and says what to run next. 0 done; 1 refused (a folder that is
 * not empty, without --force; a package.json that is not JSON): nothing written.
 */
export async function runInit(command: InitCommand, console: Console, now: Date, userCwd: string): Promise<number> {
  const folder = await readFolder(command.root);
  const own = readPackage();
  const plan = planInit(folder, { ...command, today: now.toISOString().slice(0, 10), packageName: own.name, packageVersion: own.version });
  if (plan.kind === "refused") {
    reportDiagnostics(console, [error("init-refused", `cannot start a site in ${command.root}: ${plan.reason}`, undefined, undefined, plan.hint)]);
    return 1;
  }
  const outcome = await writeAll(command.root, plan.writes);
  if (outcome !== undefined) {
    reportDiagnostics(console, [error("init-refused", `${outcome} exists now (something else wrote it); init stopped there`, undefined, undefined, "run init again with --force to add what is still missing")]);
    return 1;
  }
  for (const write of plan.writes) console.out(`daylight: ${write.action === "create" ? "created" : "updated"} ${write.path}: ${write.note}`);
  for (const kept of plan.kept) console.out(`daylight: kept ${kept}`);
  for (const line of nextSteps(command, plan.newPackage, userCwd)) console.out(line);
  return 0;
}

async function readFolder(root: string): Promise<InitFolder> {
  await mkdir(root, { recursive: true });
  const names = await readdir(root);
  return {
    names,
    packageJson: await readOptional(path.join(root, "package.json")),
    gitignore: await readOptional(path.join(root, ".gitignore")),
    postCount: names.includes("posts") ? countFiles(path.join(root, "posts")) : 0,
    folderName: path.basename(root),
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function countFiles(dir: string): number {
  try {
    return listFiles(dir).length;
  } catch (e) {
    // posts is a file, or unreadable: not a folder of posts; init leaves it alone (the create fails).
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR") return 1;
    throw e;
  }
}

/** Writes in plan order; a create never replaces a file ("wx"), an update goes beside its file and is renamed over it. Returns a path that appeared meanwhile. */
async function writeAll(root: string, writes: readonly InitWrite[]): Promise<string | undefined> {
  for (const write of writes) {
    const file = path.join(root, ...write.path.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    if (write.action === "update") {
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.daylight-tmp`);
      await writeFile(temporary, write.contents);
      await rename(temporary, file);
      continue;
    }
    try {
      await writeFile(file, write.contents, { flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return write.path;
      throw e;
    }
  }
  return undefined;
}

function nextSteps(command: InitCommand, newPackage: boolean, userCwd: string): string[] {
  const steps = [
    "",
    "Next:",
    ...(newPackage ? ["  npm install                      install daylight (package.json names it)"] : []),
    "  npm run dev                      write with live reload at http://127.0.0.1:4000 (drafts shown)",
    '  npm run new -- "My first post"   start a post (a draft until you remove its draft line)',
    "  npm run build                    build the site into dist/ (drafts left out)",
    "  npm run deploy -- /var/www/blog  build, then publish into the folder your web server serves",
  ];
  if (command.url === undefined) steps.push("", `Before you publish, set "url" in site.config.json (it is ${placeholders.url} for now).`);
  if (command.root !== path.resolve(userCwd)) steps.splice(2, 0, `  cd ${path.relative(userCwd, command.root) || "."}`);
  return steps;
}
