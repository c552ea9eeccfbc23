import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { parse } from "node:path";
import { siteSourcesIn } from "../output/holds-site-sources.js";
import { resolveRealPath } from "../output/resolve-real-path.js";

/**
 * Why `to` must not receive a deploy of `outDir`, or undefined when it may. A deploy
 * deletes what the build does not have, so this refuses `/`, the home folder and its
 * ancestors, the built folder itself, a folder inside it or around it, and a folder that
 * holds a site's sources. A `.git` is allowed (a gh-pages checkout) and never touched.
 * Paths are compared as real paths, so symlinks and `..` cannot get around it.
 */
export function checkDeployTarget(to: string, outDir: string, home: string = homedir()): string | undefined {
  const target = resolveRealPath(to);
  const built = resolveRealPath(outDir);
  const realHome = resolveRealPath(home);
  if (target === parse(target).root) return "it is the file system root";
  if (target === realHome) return "it is the home folder";
  if (isInside(realHome, target)) return `it contains the home folder ${realHome}`;
  if (target === built) return "it is the built folder itself";
  if (isInside(target, built)) return `it is inside the built folder ${built}`;
  if (isInside(built, target)) return `it contains the built folder ${built}, which the deploy would delete`;
  if (existsSync(target) && !statSync(target).isDirectory()) return "it exists and is not a folder";
  const sources = sourcesIn(target);
  if (sources) return `it holds ${sources}, so it looks like a site's sources, not a served folder`;
  return undefined;
}

const isInside = (path: string, ancestor: string): boolean => path.startsWith(ancestor.endsWith("/") ? ancestor : `${ancestor}/`);

/** What in `dir` marks it as a site's sources (a .git is fine here: a gh-pages checkout). */
const sourcesIn = (dir: string): string | undefined => siteSourcesIn(dir, ["site.config.json", "package.json"]);
