import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { listFiles } from "../files/list-files.js";

/**
 * What in `dir` marks it as a site's sources, or undefined: one of `markers` (files or
 * folders such as `site.config.json`, `.git`), or a posts/ or templates/ folder that holds
 * sources. A built site has a posts/ folder too, but no post files in it.
 */
export function siteSourcesIn(dir: string, markers: readonly string[]): string | undefined {
  for (const marker of markers) if (existsSync(join(dir, marker))) return marker;
  if (holdsFile(join(dir, "posts"), /\.(md|markdown|txt)$/i)) return "posts/ with post sources";
  if (holdsFile(join(dir, "templates"), /\.liquid$/i)) return "templates/ with Liquid templates";
  return undefined;
}

/** True when a file whose name matches `pattern` exists anywhere under `dir` (an unreadable folder holds none). */
function holdsFile(dir: string, pattern: RegExp): boolean {
  try {
    return listFiles(dir).some((file) => pattern.test(basename(file)));
  } catch {
    return false;
  }
}
