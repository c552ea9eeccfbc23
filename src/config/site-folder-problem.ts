import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { error, type Diagnostic } from "../diagnostics.js";
import { configFileNames } from "./config-file-names.js";

/** The folders and files that make a folder a site (any one of them will do: the rest has defaults). */
const siteFolders = ["posts", "pages", "templates", "public"] as const;

/** What a command that reads a site needs of its folder. */
export interface SiteFolderNeeds {
  /** `--posts`: the posts come from elsewhere, so the folder may hold nothing at all. */
  readonly postsDir: string | undefined;
  /**
   * The command may start a site in an empty folder (`new`): an empty folder is then a
   * problem only when a site above it shows that another folder was meant.
   */
  readonly mayStartSite?: boolean;
}

/**
 * Run from the wrong folder (posts/, an empty folder, a subfolder of a site), a command
 * would build an empty site or stop at a missing url. Instead: one diagnostic that names
 * the folder taken as the site, what is missing there, and the site above it if there is one.
 */
export function siteFolderProblem(root: string, needs: SiteFolderNeeds): Diagnostic | undefined {
  const parts = sitePartsIn(root);
  if (parts.size === 0 && needs.postsDir === undefined && (!needs.mayStartSite || siteAbove(root) !== undefined)) {
    const loose = markdownFilesIn(root);
    const looseNote = loose > 0 ? ` (it holds ${loose} post file${loose === 1 ? "" : "s"}: posts belong in a site's posts/ folder)` : "";
    return error("not-a-site", `${root} was taken as the site folder, and it is not one: it has no site.config.json and no posts/ folder${looseNote}`,
      undefined, undefined, hintFor(root, "start a site here with `daylight init`, or pass --root with your site's folder"));
  }
  return undefined;
}

/**
 * A build needs the site's url. Without a config file, the message names the folder taken
 * as the site (run from the wrong one, the hint names the site above).
 */
export function missingUrl(root: string, hasConfigFile: boolean): Diagnostic {
  if (hasConfigFile) {
    return error("missing-url", "the site has no url: feeds and canonical links need an absolute one", "site.config.json", undefined,
      'add "url": "https://example.com/" to site.config.json, or pass --base-url');
  }
  return error("missing-url", `the site has no url: ${root}, taken as the site folder, has no site.config.json`, undefined, undefined,
    hintFor(root, `create ${path.join(root, "site.config.json")} with { "url": "https://example.com/" } (\`daylight init --force\` writes one), or pass --base-url`));
}

/** The default hint, or the site above `root` when there is one: that is most likely what was meant. */
function hintFor(root: string, otherwise: string): string {
  const site = siteAbove(root);
  if (site === undefined) return otherwise;
  const relative = path.relative(root, site);
  return `the folder above, ${site}, is a site: run daylight there, or pass --root ${relative}`;
}

/** The nearest folder above `root` that has a config file or a posts/ folder. */
export function siteAbove(root: string): string | undefined {
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const parts = sitePartsIn(dir);
    if (parts.has("posts") || configFileNames.some((name) => parts.has(name))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Which of a site's parts `dir` holds (config files as files, the rest as folders). */
function sitePartsIn(dir: string): Set<string> {
  const found = new Set<string>();
  for (const name of configFileNames) if (isKind(path.join(dir, name), "file")) found.add(name);
  for (const name of siteFolders) if (isKind(path.join(dir, name), "dir")) found.add(name);
  return found;
}

function isKind(file: string, kind: "file" | "dir"): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat !== undefined && (kind === "file" ? stat.isFile() : stat.isDirectory());
}

function markdownFilesIn(dir: string): number {
  try {
    return readdirSync(dir).filter((name) => /\.(md|markdown|txt)$/i.test(name)).length;
  } catch {
    return 0;
  }
}
