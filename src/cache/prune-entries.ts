import type { Dirent } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { CacheRepairs } from "./cache-repairs.js";

const shardName = /^[0-9a-f]{2}$/;
const entryName = /^([0-9a-f]{64})\.json$/;
/** The tag's temporary file (see cache-folders.ts), left at the top by a build killed while writing it. */
const tagTempName = /^\.CACHEDIR\.TAG\.[0-9a-f]+\.tmp$/;

/**
 * Deletes every entry of the cache folder that is not in `keep` (the entries the build just
 * read or wrote), so the cache holds one build's worth and never grows without bound; and
 * mends what it finds on the way. Shard folders (`ab/`) are daylight's alone: anything in one
 * that is not an entry file — a killed write's temporary file, a foreign file, a folder, a
 * symlink — is removed (as itself: a symlink is never followed), and a shard name that is not
 * a folder is removed too. At the top of the folder, only shard names and the tag's own
 * temporary files are touched: the tag, the lock and whatever else sits there stay.
 */
export async function pruneEntries(dir: string, keep: ReadonlySet<string>, repairs: CacheRepairs): Promise<void> {
  const listing = await listFolder(dir);
  for (const stray of listing.filter((entry) => tagTempName.test(entry.name) && entry.isFile())) {
    await rm(path.join(dir, stray.name), { force: true });
    repairs.note("stray", stray.name);
  }
  await Promise.all(
    listing.filter((entry) => shardName.test(entry.name)).map(async (shard) => {
      const folder = path.join(dir, shard.name);
      if (!shard.isDirectory()) {
        await rm(folder, { force: true, recursive: true });
        repairs.note("shard", shard.name);
        return;
      }
      for (const item of await listFolder(folder)) {
        const entry = entryName.exec(item.name);
        if (entry && item.isFile()) {
          if (!keep.has(entry[1]!)) await rm(path.join(folder, item.name), { force: true });
          continue;
        }
        await rm(path.join(folder, item.name), { force: true, recursive: true });
        repairs.note(entry ? "entry" : "stray", path.join(shard.name, item.name));
      }
    }),
  );
}

/** A folder's entries (not following symlinks); none when it is gone. */
async function listFolder(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return [];
    throw e;
  });
}
