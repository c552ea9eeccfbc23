import { error, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { folderClashes } from "../files/validate-output-paths.js";
import { manifestPath } from "../urls/generated-files.js";

/** What the generation step writes after the build: no source may take its name. */
const reservedPaths: ReadonlySet<string> = new Set([manifestPath]);

/** Files the generation step adds (`_headers` and `_redirects` merged with the site's own): no source may need them as folders. */
const generationFiles: readonly string[] = [manifestPath, "_headers", "_redirects"];

/**
 * Two sources that would write the same output file (a `public/feed.xml` next to the
 * generated feed, say), a source that would take the name of the manifest, or a file where
 * another one needs a folder (a `public/posts` file and the post pages): an error rather
 * than a silent winner, or a writer that refuses the whole output.
 */
export function findOutputCollisions(files: readonly OutputFile[]): Diagnostic[] {
  const seen = new Map<string, OutputFile>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (reservedPaths.has(file.path)) {
      diagnostics.push(error("output-collision", `${describe(file)} would replace ${file.path}, which daylight writes itself`,
        undefined, undefined, "rename or remove it"));
      continue;
    }
    const first = seen.get(file.path);
    if (!first) {
      seen.set(file.path, file);
      continue;
    }
    diagnostics.push(
      error("output-collision", `two sources write ${file.path}: ${describe(first)} and ${describe(file)}`,
        undefined, undefined, "rename or remove one of them"),
    );
  }
  return [...diagnostics, ...folderCollisions(files)];
}

/** A file where another file needs a folder: one diagnostic per such name. */
function folderCollisions(files: readonly OutputFile[]): Diagnostic[] {
  const owners = new Map<string, string>(generationFiles.map((path) => [path, `daylight's own ${path}`]));
  for (const file of files) if (!owners.has(file.path)) owners.set(file.path, describe(file));
  const byPath = new Map<string, OutputFile>();
  for (const file of files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  return folderClashes(byPath.keys(), new Set(owners.keys())).map(({ folder, path }) => error("output-collision",
    `two sources clash at ${folder}: ${owners.get(folder)} is a file there, and ${describe(byPath.get(path)!)} writes ${path} inside it`,
    undefined, undefined, "rename or remove one of them"));
}

const describe = (file: OutputFile): string => ("sourcePath" in file && !file.generated ? file.sourcePath : "a generated page");
