import { error, type Diagnostic } from "./diagnostics.js";
import { manifestPath } from "./generations/manifest.js";
import type { OutputFile } from "./model.js";

/** What the generation step writes after the build: no source may take its name. */
const reservedPaths: ReadonlySet<string> = new Set([manifestPath]);

/**
 * Two sources that would write the same output file (a `public/feed.xml` next to the
 * generated feed, say), or a source that would take the name of the manifest: an error
 * rather than a silent winner (or a writer that refuses the whole output).
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
  return diagnostics;
}

const describe = (file: OutputFile): string => ("sourcePath" in file ? file.sourcePath : "a generated page");
