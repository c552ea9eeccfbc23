import { spawnSync } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { configFileName, configFileNames } from "./config-file-names.js";

// The names alone are their own module: the command's first checks need them, not the reader.
export { configFileNames, configModuleNames } from "./config-file-names.js";

/** The site's config file as read from disk, before validation. */
export type ConfigSource =
  | { readonly kind: "json"; readonly file: string; readonly text: string }
  | { readonly kind: "module"; readonly file: string; readonly exports: unknown }
  | { readonly kind: "failed"; readonly file: string; readonly message: string; readonly line?: number; readonly column?: number };

/**
 * Reads `site.config.json`, or imports `site.config.mjs` / `.js` (a module is code the site
 * owner wrote, run as such). Undefined when the site has no config file. Never throws for a
 * mistake in the file: a module that fails to load is a "failed" source, positioned when the
 * error says where.
 */
export async function readConfigSource(root: string): Promise<ConfigSource | undefined> {
  const present = (
    await Promise.all(configFileNames.map(async (name) => ((await isFile(path.join(root, name))) ? name : undefined)))
  ).filter((name) => name !== undefined);
  const [first, second] = present;
  if (first === undefined) return undefined;
  if (second !== undefined) {
    return { kind: "failed", file: second, message: `both ${first} and ${second} exist; keep one of them` };
  }
  if (first === configFileName) return { kind: "json", file: first, text: await readFile(path.join(root, first), "utf8") };
  return importConfigModule(root, first);
}

async function importConfigModule(root: string, name: string): Promise<ConfigSource> {
  const file = path.join(root, name);
  // A query unique to the file's state makes an edited module load again (the dev server).
  const { mtimeMs, size } = await stat(file);
  try {
    const module = (await import(`${pathToFileURL(file).href}?v=${mtimeMs}-${size}`)) as { default?: unknown };
    return { kind: "module", file: name, exports: module.default };
  } catch (thrown) {
    const e = thrown as Error;
    const at = e.name === "SyntaxError" ? locateSyntaxError(file) : locateInStack(String(e.stack), file);
    // One line: drop any code excerpt (numbered lines, the caret) that a loader puts in the message.
    const reason = e.message.split("\n").filter((line) => line.trim() && !/^\s*(\d+:|\^)/.test(line)).join(" ");
    return { kind: "failed", file: name, message: `${name} could not be loaded: ${reason}`, ...at };
  }
}

/** Where a runtime error in the module was thrown, from its stack. */
function locateInStack(stack: string, file: string): { line?: number; column?: number } {
  const where = new RegExp(`${escapeRegExp(path.basename(file))}[^:\\n]*:(\\d+):(\\d+)`).exec(stack);
  return where ? { line: Number(where[1]), column: Number(where[2]) } : {};
}

/**
 * Node's SyntaxError for a module carries no position; `node --check` prints it (the line
 * after the file name, the column under the caret). Only run when loading already failed.
 */
function locateSyntaxError(file: string): { line?: number; column?: number } {
  const { stderr } = spawnSync(process.execPath, ["--check", file], { encoding: "utf8", timeout: 10_000 });
  const lines = String(stderr).split("\n");
  const header = lines.findIndex((line) => line.includes(path.basename(file)));
  const lineNumber = header === -1 ? undefined : /:(\d+)\s*$/.exec(lines[header] ?? "")?.[1];
  const caret = lines[header + 2]?.indexOf("^") ?? -1;
  return lineNumber === undefined ? {} : { line: Number(lineNumber), column: caret === -1 ? 1 : caret + 1 };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
