import { warning, type Diagnostic } from "../diagnostics.js";

/** What was wrong in the cache folder and was put right: each is daylight's own name, in daylight's own folder. */
export type RepairKind =
  /** A shard folder (`ab/`) that was a file, a symlink or anything but a folder. */
  | "shard"
  /** A temporary file of a killed write, or a file or folder in a shard that is no entry. */
  | "stray"
  /** An entry's name held a folder or a symlink. */
  | "entry"
  /** CACHEDIR.TAG was not the tag file. */
  | "tag";

/** The repairs one build made, for one summary line. */
export interface CacheRepairs {
  /** Notes one repair; `where` is relative to the cache folder. */
  note(kind: RepairKind, where: string): void;
  /** One `cache-repair` warning when something was repaired, else none. */
  diagnostics(dir: string): Diagnostic[];
}

const described: Record<RepairKind, (n: number) => string> = {
  shard: (n) => (n === 1 ? "1 shard folder that was not a folder" : `${n} shard folders that were not folders`),
  stray: (n) => (n === 1 ? "1 leftover temporary or foreign file" : `${n} leftover temporary or foreign files`),
  entry: (n) => (n === 1 ? "1 entry that was not a plain file" : `${n} entries that were not plain files`),
  tag: () => "a CACHEDIR.TAG that was not a plain file",
};

export function createCacheRepairs(): CacheRepairs {
  const counts = new Map<RepairKind, number>();
  let example: string | undefined;
  return {
    note(kind, where) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      example ??= where;
    },
    diagnostics(dir) {
      if (counts.size === 0) return [];
      const what = [...counts].map(([kind, n]) => described[kind](n)).join(", ");
      // One line, no hint: the build has already done what there was to do.
      return [warning("cache-repair", `repaired the build cache in ${dir}: replaced or removed ${what} (e.g. ${example}); nothing to do`)];
    },
  };
}
