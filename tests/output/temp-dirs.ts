import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/** A fresh temp folder per call, removed after each test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "daylight-output-"));
    made.push(dir);
    return dir;
  };
}

/** Every file under `dir` with its text, sorted: equal snapshots mean byte-identical trees. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (prefix: string): void => {
    for (const name of readdirSync(join(dir, prefix)).sort()) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else result[path] = readFileSync(join(dir, path)).toString("base64");
    }
  };
  walk("");
  return result;
}

/** The same listing built from strings, to compare with `snapshot`. */
export function expected(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, text]) => [p, Buffer.from(text).toString("base64")]),
  );
}

/** The inode of `dir/path`. */
export const inode = (dir: string, path: string): number => statSync(join(dir, path)).ino;
