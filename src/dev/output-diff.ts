import { diffOutputs } from "../output/diff-outputs.js";

/** Output paths whose bytes differ between two builds: added, changed or removed. */
export function changedPaths(before: ReadonlyMap<string, Uint8Array>, after: ReadonlyMap<string, Uint8Array>): string[] {
  const { changed, removed } = diffOutputs(before, after);
  return [...changed, ...removed].sort();
}

/** The URL path a browser shows for an output path: `posts/a/index.html` → `/blog/posts/a/`. */
export function urlOfOutputPath(outputPath: string, basePath: string): string {
  const dirForm = outputPath === "index.html" ? "" : outputPath.replace(/\/index\.html$/, "/");
  return encodeURI(basePath + dirForm);
}
