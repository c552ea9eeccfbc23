/**
 * What a build left in its output folder, file by file (content hash and mtime), so a case can
 * say how many files a build changed and whether it touched the output at all. Taken outside
 * the timed command: it costs the bench time, never the build's.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, readlink, stat } from "node:fs/promises";
import path from "node:path";

/**
 * `{ target, files: Map<relative path, { hash, mtimeMs }>, retained: Set<relative path> }` of the
 * output at `dir` (a folder or daylight's symlink to one). `retained` holds the hashed files
 * kept only for earlier generations (the manifest lists each generation's, this one first):
 * a page of the last deploy still loads them, but this build did not make them.
 */
export async function snapshotOutput(dir) {
  const target = await readlink(dir).catch(() => null);
  const files = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
  // Bounded concurrency: thousands of parallel reads only queue up in libuv anyway.
  for (let i = 0; i < paths.length; i += 64) {
    await Promise.all(paths.slice(i, i + 64).map(async (file) => {
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      files.set(path.relative(dir, file).split(path.sep).join("/"), { hash: createHash("sha1").update(bytes).digest("hex"), mtimeMs: info.mtimeMs });
    }));
  }
  return { target, files, retained: await retainedFiles(dir) };
}

async function retainedFiles(dir) {
  const manifest = await readFile(path.join(dir, "daylight-manifest.json"), "utf8").then(JSON.parse).catch(() => undefined);
  const generations = Array.isArray(manifest?.generations) ? manifest.generations : [];
  const current = new Set(generations[0]?.assets ?? []);
  return new Set(generations.slice(1).flatMap((g) => g.assets ?? []).filter((asset) => !current.has(asset)));
}

/**
 * What differs between two snapshots: files whose bytes changed, appeared or went (`ignore`d
 * paths left out of those; with `madeOnly`, the files either side keeps only for earlier
 * generations too: two builds of the same sources make the same files, whatever they keep
 * from builds before them), and whether anything was touched at all (a new symlink target or
 * a file written again, even with the same bytes).
 */
export function diffSnapshots(before, after, { ignore = [], madeOnly = false } = {}) {
  const counted = (rel) => !ignore.includes(rel) && !(madeOnly && (before.retained?.has(rel) || after.retained?.has(rel)));
  const changed = [];
  const added = [];
  let rewritten = 0;
  for (const [rel, file] of after.files) {
    const old = before.files.get(rel);
    if (old === undefined) {
      if (counted(rel)) added.push(rel);
    } else if (old.hash !== file.hash) {
      if (counted(rel)) changed.push(rel);
    } else if (old.mtimeMs !== file.mtimeMs) {
      rewritten++;
    }
  }
  const removed = [...before.files.keys()].filter((rel) => !after.files.has(rel) && counted(rel));
  const differing = [...changed, ...added, ...removed].sort();
  const touched = before.target !== after.target || differing.length > 0 || rewritten > 0 || before.files.size !== after.files.size;
  return { changed: changed.length, added: added.length, removed: removed.length, differing, touched };
}
