import { createBuildCache, type BuildCache } from "./build-cache.js";
import type { Diagnostic } from "../diagnostics.js";
import { codeIdentity } from "./code-identity.js";
import { cacheWriteWarning, createDiskStore } from "./disk-store.js";
import { openHeaderCache } from "./header-cache.js";

/** The CLI build's cache: what buildSite gets, and what to do with it afterwards. */
export interface CliBuildCache {
  /** Undefined with `--no-cache`: the build renders everything and touches no cache folder. */
  readonly cache: BuildCache | undefined;
  /** Where it lives (undefined with `--no-cache`). */
  readonly dir: string | undefined;
  /** Warnings about entries it could not trust (read during the build). */
  diagnostics(): Diagnostic[];
  /**
   * Stores the new renderings. After a successful build it also prunes what the build did
   * not use; after a failed one it only adds (its renderings are as valid as any, and a
   * build stopped early used too little of the cache to say what is stale).
   */
  save(succeeded: boolean): Promise<Diagnostic[]>;
}

/** Opens the cache folder `dir` (nothing is read or created yet), or none. */
export function openBuildCache(dir: string | undefined): CliBuildCache {
  if (dir === undefined) return { cache: undefined, dir, diagnostics: () => [], save: async () => [] };
  const store = createDiskStore(dir, codeIdentity());
  const headers = openHeaderCache(dir, codeIdentity());
  return {
    cache: { ...createBuildCache(store), headers },
    dir,
    diagnostics: () => store.diagnostics(),
    async save(succeeded) {
      const problems = await store.flush({ prune: succeeded });
      try {
        headers.save(succeeded);
        return problems;
      } catch (e) {
        return [...problems, cacheWriteWarning(dir, e as Error)];
      }
    },
  };
}
