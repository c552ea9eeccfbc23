import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// This file sits two levels below the package root both as src/config/*.ts (tests) and
// lib/config/*.js (the compiled CLI), so one relative URL serves both.
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The built-in theme: the package's own templates/ folder. */
export const builtinTemplatesDir = fileURLToPath(new URL("../../templates", import.meta.url));

/** The package's own root folder (the sample blog when run from a checkout). */
export const packageRootDir = packageRoot;

/** daylight's npm name and version, from its package.json. */
export function readPackage(): { readonly name: string; readonly version: string } {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** daylight's version, from its package.json. */
export function readVersion(): string {
  return readPackage().version;
}
