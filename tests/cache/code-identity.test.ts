import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeIdentity, codeIdentityOf, type CodeLocation } from "../../src/cache/code-identity.js";
import { tempDir } from "../support/run-cli.js";

/** A package with one dependency installed beside it, and its code in lib/. */
function fakePackage(): CodeLocation {
  const root = tempDir();
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "daylight", dependencies: { dep: "1.0.0" } }));
  mkdirSync(path.join(root, "lib"));
  writeFileSync(path.join(root, "lib", "a.js"), "export const a = 1;");
  mkdirSync(path.join(root, "node_modules", "dep"), { recursive: true });
  writeFileSync(path.join(root, "node_modules", "dep", "package.json"), JSON.stringify({ name: "dep", version: "1.0.0" }));
  return { packageRoot: root, codeDir: path.join(root, "lib"), versions: { node: "v20.19.0", icu: "76.1", tz: "2025a" } };
}

/** Sets a file's time, so that a change is seen whatever the clock's resolution. */
const touch = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe("the code identity", () => {
  it("is the same for the same code, installation and runtime", () => {
    const at = fakePackage();
    expect(codeIdentityOf(at)).toBe(codeIdentityOf(at));
    expect(codeIdentity()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with the time zone and ICU data of the runtime, not only Node's version", () => {
    const at = fakePackage();
    const base = codeIdentityOf(at);
    expect(codeIdentityOf({ ...at, versions: { ...at.versions, tz: "2025b" } })).not.toBe(base);
    expect(codeIdentityOf({ ...at, versions: { ...at.versions, icu: "77.1" } })).not.toBe(base);
    expect(codeIdentityOf({ ...at, versions: { ...at.versions, node: "v22.0.0" } })).not.toBe(base);
  });

  it("changes when the code changes", () => {
    const at = fakePackage();
    const base = codeIdentityOf(at);
    writeFileSync(path.join(at.codeDir, "a.js"), "export const a = 2;");
    touch(path.join(at.codeDir, "a.js"), 1_000_000);
    expect(codeIdentityOf(at)).not.toBe(base);
  });

  it("changes when the package manager changes what is installed (a dependency of a dependency)", () => {
    const at = fakePackage();
    const record = path.join(at.packageRoot, "node_modules", ".package-lock.json");
    writeFileSync(record, JSON.stringify({ packages: { "node_modules/dep/node_modules/inner": { version: "3.0.0" } } }));
    touch(record, 1_000_000);
    const base = codeIdentityOf(at);
    writeFileSync(record, JSON.stringify({ packages: { "node_modules/dep/node_modules/inner": { version: "3.1.0" } } }));
    touch(record, 1_000_100);
    expect(codeIdentityOf(at)).not.toBe(base);
  });

  it("without an install record, changes with an installed dependency's version", () => {
    const at = fakePackage();
    const base = codeIdentityOf(at);
    writeFileSync(path.join(at.packageRoot, "node_modules", "dep", "package.json"), JSON.stringify({ name: "dep", version: "1.0.1" }));
    expect(codeIdentityOf(at)).not.toBe(base);
    rmSync(path.join(at.packageRoot, "node_modules"), { recursive: true });
    expect(codeIdentityOf(at)).not.toBe(base);
  });
});
