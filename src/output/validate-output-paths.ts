import type { OutputFile } from "../model.js";

/**
 * Throws (a programmer error: the build made a bad path) unless every path is a clean POSIX
 * relative path that stays inside the output folder, no path repeats, and no file sits
 * where another needs a folder (`a` and `a/b`). Checked before anything touches the disk.
 */
export function assertValidOutputPaths(files: readonly OutputFile[]): void {
  const paths = new Set<string>();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) throw new Error(`invalid output path ${JSON.stringify(file.path)}: ${problem}`);
    if (paths.has(file.path)) throw new Error(`output path ${JSON.stringify(file.path)} is written twice`);
    paths.add(file.path);
  }
  for (const path of paths) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
      const folder = path.slice(0, i);
      if (paths.has(folder)) {
        throw new Error(`output path ${JSON.stringify(folder)} is a file but ${JSON.stringify(path)} needs it as a folder`);
      }
    }
  }
}

/** Why `path` is not a safe relative output path, or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (path === "") return "it is empty";
  if (path.includes("\0")) return "it contains a NUL character";
  if (path.includes("\\")) return "it contains a backslash (use /)";
  if (path.startsWith("/")) return "it is absolute";
  const segments = path.split("/");
  if (segments.includes("..")) return "it has a `..` segment";
  // `.` and empty segments would let two spellings name one file and slip past the duplicate check.
  if (segments.includes(".")) return "it has a `.` segment";
  if (segments.includes("")) return "it has an empty segment (`//` or a trailing `/`)";
  return undefined;
}
