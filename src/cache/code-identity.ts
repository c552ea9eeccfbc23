import { createHash, type Hash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../files/list-files.js";

// This file is lib/cache/*.js in the compiled CLI and src/cache/*.ts under the tests: two
// levels up is the package root, one level up the code that is running.
const codeDir = fileURLToPath(new URL("..", import.meta.url));
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

let identity: string | undefined;

/** Where the code that renders is, and which runtime runs it. */
export interface CodeLocation {
  readonly packageRoot: string;
  readonly codeDir: string;
  /** Node's and its libraries' versions (`process.versions`). */
  readonly versions: Readonly<Record<string, string | undefined>>;
}

/** The identity of the running code; see codeIdentityOf. */
export function codeIdentity(): string {
  identity ??= codeIdentityOf({ packageRoot, codeDir, versions: process.versions });
  return identity;
}

/**
 * A digest of the code that renders: daylight's package.json, the size and time of every
 * file of the running code (lib/ or src/), what is installed beside it (see installRecord),
 * and the runtime: Node's version, and those of its ICU, Unicode, CLDR and time zone data,
 * which format dates and can change with the system's libraries under the same Node. A
 * cached entry made by other code is never found. Stat, not read: a checkout's recompile
 * changes every time.
 */
export function codeIdentityOf({ packageRoot, codeDir, versions }: CodeLocation): string {
  const hash = createHash("sha256");
  for (const name of ["node", "v8", "icu", "unicode", "cldr", "tz"]) hash.update(`${name}=${versions[name] ?? ""}\0`);
  const packageJson = readFileSync(path.join(packageRoot, "package.json"));
  hash.update(packageJson);
  for (const file of codeFiles(codeDir)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`\0${path.relative(codeDir, file)}\0${size}\0${mtimeMs}`);
  }
  installRecord(packageRoot, packageJson, hash);
  return hash.digest("hex");
}

/** The records package managers keep of what they installed in a node_modules folder. */
const installRecords = [".package-lock.json", ".modules.yaml", ".yarn-state.yml", ".yarn-integrity"];

/**
 * What is installed: daylight pins its own dependencies, but theirs (micromark's extensions,
 * Shiki's TextMate engine, hast's serializer…) are ranges that a reinstall may move. Package
 * managers rewrite a record in node_modules whenever they change it: its size and time are
 * hashed (one stat, where reading every installed package.json took 100 ms). Without one,
 * the installed versions of daylight's direct dependencies are hashed instead.
 */
function installRecord(packageRoot: string, packageJson: Buffer, hash: Hash): void {
  const dependencies = Object.keys((JSON.parse(packageJson.toString("utf8")) as { dependencies?: object }).dependencies ?? {});
  const modules = dependencies.length === 0 ? undefined : nodeModulesWith(packageRoot, dependencies[0]!);
  if (modules === undefined) return;
  for (const record of installRecords) {
    const stat = statSync(path.join(modules, record), { throwIfNoEntry: false });
    if (stat?.isFile()) {
      hash.update(`\0${record}\0${stat.size}\0${stat.mtimeMs}`);
      return;
    }
  }
  for (const name of dependencies.sort()) {
    const found = nodeModulesWith(packageRoot, name);
    hash.update(`\0${name}\0`);
    if (found !== undefined) hash.update(readFileSync(path.join(found, name, "package.json")));
  }
}

/** The nearest node_modules folder, from `dir` up, that holds the package `name`. */
function nodeModulesWith(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const modules = path.join(at, "node_modules");
    if (statSync(path.join(modules, name, "package.json"), { throwIfNoEntry: false })?.isFile()) return modules;
    if (path.dirname(at) === at) return undefined;
  }
}

function codeFiles(dir: string): string[] {
  return listFiles(dir, { regularOnly: true })
    .filter((name) => /\.(js|ts|mjs)$/.test(name))
    .map((name) => path.join(dir, name));
}
