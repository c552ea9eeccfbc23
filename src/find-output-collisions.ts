import { error, type Diagnostic } from "./diagnostics.js";
import type { OutputFile } from "./model.js";

/**
 * Two sources that would write the same output file (a `public/feed.xml` next to the
 * generated feed, say): an error rather than a silent winner.
 */
export function findOutputCollisions(files: readonly OutputFile[]): Diagnostic[] {
  const seen = new Map<string, OutputFile>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
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
