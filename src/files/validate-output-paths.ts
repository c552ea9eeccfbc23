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
  const [clash] = folderClashes(paths, paths);
  if (clash) throw new Error(`output path ${JSON.stringify(clash.folder)} is a file but ${JSON.stringify(clash.path)} needs it as a folder`);
}

/**
 * Each name in `files` that a path needs as a folder (`a` for `a/b`), once, with the first
 * path (in the order given) that needs it. The one folder-collision check: the build reports
 * these as diagnostics, the writer refuses them.
 */
export function folderClashes(paths: Iterable<string>, files: ReadonlySet<string>): { folder: string; path: string }[] {
  const clashes: { folder: string; path: string }[] = [];
  const reported = new Set<string>();
  for (const path of paths) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
      const folder = path.slice(0, i);
      if (!files.has(folder) || reported.has(folder)) continue;
      reported.add(folder);
      clashes.push({ folder, path });
    }
  }
  return clashes;
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
