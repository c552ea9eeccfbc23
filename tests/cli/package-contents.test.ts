import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-cli.js";

interface PackageJson {
  name: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as PackageJson;

/** Every module specifier the compiled CLI imports, statically or dynamically, by file. */
function importsOf(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const code = readFileSync(file, "utf8");
    // tsc writes one static import or re-export per line; dynamic ones are import("x") anywhere.
    const patterns = [/^(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)"/gm, /^import\s*"([^"]+)"/gm, /\bimport\(\s*"([^"]+)"\s*\)/g, /\brequire(?:\.resolve)?\(\s*"([^"]+)"\s*\)/g];
    // A URL the browser resolves (the dev client's) is not a package.
    const specifiers = patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!)).filter((s) => !s.startsWith("/"));
    found.set(path.relative(dir, file), specifiers);
  }
  return found;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string): string => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

describe("the published package", () => {
  it("is publishable under its own name, with the daylight command", () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe("daylight-blog");
    expect(pkg.bin).toEqual({ daylight: "lib/cli.js" });
    expect(readFileSync(path.join(repoRoot, "lib/cli.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("needs at run time only what its dependencies install: no dev dependency, nothing undeclared", () => {
    const builtins = new Set(builtinModules);
    const missing: string[] = [];
    const imports = importsOf(path.join(repoRoot, "lib"));
    // The scan sees static, dynamic and require.resolve imports (else it proves nothing).
    expect([...imports.values()].flat()).toEqual(expect.arrayContaining(["liquidjs", "./init-command.js", "idiomorph/dist/idiomorph.esm.js"]));
    for (const [file, specifiers] of imports) {
      for (const specifier of specifiers) {
        if (specifier.startsWith(".") || specifier.startsWith("node:") || builtins.has(specifier)) continue;
        if (!Object.hasOwn(pkg.dependencies, packageOf(specifier))) missing.push(`${file}: ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("ships the compiled CLI and the built-in theme, and neither sources nor tests", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, npm_config_offline: "true" } });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["lib/cli.js", "lib/cli/init-command.js", "lib/config/package-paths.js", "templates/layout.liquid", "templates/assets/style.css", "package.json", "README.md"]));
    expect(files.filter((f) => !/^(lib\/.*\.js|templates\/.*|package\.json|README\.md|LICENSE.*)$/.test(f))).toEqual([]);
  });
});
