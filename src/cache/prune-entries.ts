import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

const shardName = /^[0-9a-f]{2}$/;
const entryName = /^([0-9a-f]{64})\.json$/;
const tempName = /^\.[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;

/** A temporary file this old is a killed build's leftover, not a concurrent build's write in progress. */
const abandonedAfterMs = 60 * 60 * 1000;

/**
 * Deletes every entry of the cache folder that is not in `keep` (the entries the build just
 * read or wrote), so the cache holds one build's worth and never grows without bound. Only
 * names the store itself makes are touched: whatever else sits in the folder stays.
 */
export async function pruneEntries(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const listing = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return [];
    throw e;
  });
  const shards = listing.filter((e) => e.isDirectory() && shardName.test(e.name));
  const now = Date.now();
  await Promise.all(
    shards.map(async (shard) => {
      const folder = path.join(dir, shard.name);
      for (const name of await readdir(folder).catch(() => [])) {
        const entry = entryName.exec(name);
        if (entry && !keep.has(entry[1]!)) await rm(path.join(folder, name), { force: true });
        else if (tempName.test(name) && (await isOlderThan(path.join(folder, name), now - abandonedAfterMs))) {
          await rm(path.join(folder, name), { force: true });
        }
      }
    }),
  );
}

async function isOlderThan(file: string, time: number): Promise<boolean> {
  return stat(file).then((s) => s.mtimeMs < time, () => false);
}
