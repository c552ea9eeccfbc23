import path from "node:path";

/** The folder a site's cache lives in unless `--cache-dir` says otherwise. */
export const defaultCacheDirName = ".daylight-cache";

/** The cache folder a build uses: `--cache-dir`, else `<root>/.daylight-cache`; undefined with `--no-cache`. */
export function cacheDirOf(options: { root: string; cacheDir: string | undefined; noCache: boolean }): string | undefined {
  return options.noCache ? undefined : (options.cacheDir ?? path.join(options.root, defaultCacheDirName));
}
