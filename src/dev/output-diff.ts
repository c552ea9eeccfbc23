/** Output paths whose bytes differ between two builds: added, changed or removed. */
export function changedPaths(
  before: ReadonlyMap<string, Uint8Array>,
  after: ReadonlyMap<string, Uint8Array>,
): string[] {
  const changed: string[] = [];
  for (const [path, bytes] of after) {
    const old = before.get(path);
    if (old === bytes) continue;
    if (old === undefined || !Buffer.from(old.buffer, old.byteOffset, old.byteLength).equals(bytes)) changed.push(path);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(path);
  return changed.sort();
}

/** The URL path a browser shows for an output path: `posts/a/index.html` → `/blog/posts/a/`. */
export function urlOfOutputPath(outputPath: string, basePath: string): string {
  const dirForm = outputPath === "index.html" ? "" : outputPath.replace(/\/index\.html$/, "/");
  return encodeURI(basePath + dirForm);
}
