import type { CacheClass } from "../generations/manifest.js";
import type { TargetState } from "./read-target.js";
import { manifestPath, searchPointerPath } from "../urls/generated-files.js";

/** One file of the build to publish. */
export interface BuildFile {
  readonly hash: string;
  readonly size: number;
  readonly cache: CacheClass;
}

/**
 * When an upload happens. Everything a page may reference goes before the page; pages
 * nothing links to yet before the pages that link to them; listings, feeds and the
 * manifest last. A new feed (a new tag's) is linked from the new pages that announce it, so
 * it goes right after them, before any changed page can lead a reader there.
 */
export type UploadPhase =
  | "immutable-asset" | "asset" | "new-page" | "new-listing" | "new-feed" | "changed-page" | "changed-listing" | "feed" | "manifest";

export const uploadPhases: readonly UploadPhase[] = [
  "immutable-asset", "asset", "new-page", "new-listing", "new-feed", "changed-page", "changed-listing", "feed", "manifest",
];

/** One step of a deploy, in order. */
export type DeployStep =
  | { readonly kind: "clean"; readonly path: string }
  | { readonly kind: "upload"; readonly path: string; readonly phase: UploadPhase; readonly change: "new" | "changed" }
  | { readonly kind: "delete"; readonly path: string }
  /** An empty folder the build does not have (a deploy killed between a delete and its folder's removal leaves one). */
  | { readonly kind: "remove-folder"; readonly path: string };

/** What a deploy will do. */
export interface DeployPlan {
  readonly steps: readonly DeployStep[];
  readonly uploads: number;
  readonly deletes: readonly string[];
  readonly unchanged: number;
  /** Paths that cannot be published without first removing something in the way (a folder where a file goes…). */
  readonly conflicts: readonly string[];
}

/** Listing pages link to many others: they change after the pages they list. */
const listingPage = /^(index\.html|page\/\d+\/index\.html|(tags|archive|categories)\/.*\.html)$/;
/** Feeds, which pages link to (`<link rel="alternate">`, a feed icon). */
const feed = /(^|\/)(feed\.xml|atom\.xml|feed\.json|rss\.xml|index\.xml)$/;
/** Files that announce pages to machines: feeds, sitemaps, robots.txt, host rules. */
const announcement = /^(sitemap[^/]*\.xml|robots\.txt|_headers|_redirects)$/;

/** Which phase publishes `path`. */
export function phaseOf(path: string, cache: CacheClass, isNew: boolean): UploadPhase {
  if (path === manifestPath) return "manifest";
  if (feed.test(path)) return isNew ? "new-feed" : "feed";
  // The search index's pointer names the new pages: it goes with the feeds, after them.
  if (announcement.test(path) || path.endsWith(".xml") || path === searchPointerPath) return "feed";
  if (/\.html?$/.test(path)) {
    const listing = listingPage.test(path);
    if (isNew) return listing ? "new-listing" : "new-page";
    return listing ? "changed-listing" : "changed-page";
  }
  return cache === "immutable" ? "immutable-asset" : "asset";
}

/**
 * The ordered steps that turn `target` into `build` without ever serving a page whose
 * links or assets are missing: clean leftovers, upload by phase (files with the same
 * hash are skipped), then delete what the build no longer has — pages before assets — and
 * the empty folders it does not need.
 */
export function planDeploy(build: ReadonlyMap<string, BuildFile>, target: TargetState): DeployPlan {
  const uploads: Extract<DeployStep, { kind: "upload" }>[] = [];
  let unchanged = 0;
  for (const [path, file] of build) {
    const existing = target.entries.get(path);
    if (existing?.kind === "file" && existing.hash === file.hash && existing.size === file.size) {
      unchanged++;
      continue;
    }
    const change = existing ? "changed" : "new";
    uploads.push({ kind: "upload", path, phase: phaseOf(path, file.cache, change === "new"), change });
  }
  const rank = (phase: UploadPhase) => uploadPhases.indexOf(phase);
  uploads.sort((a, b) => rank(a.phase) - rank(b.phase) || compare(a.path, b.path));
  const deletes = [...target.entries.keys()].filter((path) => !build.has(path) && target.entries.get(path)?.kind !== "other");
  deletes.sort((a, b) => Number(!isPage(a)) - Number(!isPage(b)) || compare(a, b));
  const steps: DeployStep[] = [
    ...target.temporaries.map((path) => ({ kind: "clean" as const, path })),
    ...uploads,
    ...deletes.map((path) => ({ kind: "delete" as const, path })),
    ...emptyFolders(build, target).map((path) => ({ kind: "remove-folder" as const, path })),
  ];
  return { steps, uploads: uploads.length, deletes, unchanged, conflicts: findConflicts(uploads.map((u) => u.path), target) };
}

const isPage = (path: string): boolean => /\.html?$/.test(path);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folders of the target that hold no file, symlink or other entry and that no file of the
 * build goes into, deepest first. A delete removes its folder when it empties it, so these
 * are what a deploy killed between the two left (or someone made): run again, the deploy
 * would not see them otherwise, and a host may answer 403 for such a folder instead of 404.
 */
function emptyFolders(build: ReadonlyMap<string, BuildFile>, target: TargetState): string[] {
  const used = new Set<string>();
  for (const path of [...build.keys(), ...target.entries.keys()]) {
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) used.add(path.slice(0, i));
  }
  return [...target.folders].filter((folder) => !used.has(folder)).sort((a, b) => compare(b, a));
}

/** Uploads that would need a folder where the target has a file or symlink, or a file where it has a folder. */
function findConflicts(paths: readonly string[], target: TargetState): string[] {
  const conflicts: string[] = [];
  for (const path of paths) {
    if (target.folders.has(path) || target.entries.get(path)?.kind === "other") {
      conflicts.push(path);
      continue;
    }
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
      if (target.entries.has(path.slice(0, i))) {
        conflicts.push(path);
        break;
      }
    }
  }
  return conflicts;
}
