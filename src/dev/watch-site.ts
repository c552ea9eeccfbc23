import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { configFileNames } from "../config/config-source.js";
import type { SiteLayout } from "../read/read-site.js";
import { classifyChange, relativeInside, type ChangeEvent, type SiteChange } from "./classify-change.js";
import { isEditorLitter } from "./editor-litter.js";
import { createChangeRecheck } from "./recheck-changes.js";

/** A running watcher over a site's posts, templates, public files and config. */
export interface SiteWatcher {
  /** Resolves once the initial scan is done: changes after this are reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Past chokidar's 50 ms window in which it drops further changes of a file. */
const recheckDelayMs = 60;

const events = new Set<string>(["add", "change", "unlink", "addDir", "unlinkDir"]);

/**
 * Watches the site and reports each change that affects the build, classified. Folders
 * that appear later (a first post, a new templates/) are picked up because the root is
 * watched too, with everything outside the site's parts ignored before it is entered.
 */
export function watchSite(
  layout: SiteLayout,
  onChange: (change: SiteChange) => void,
  { onError, onWrite }: {
    onError?: ((e: Error) => void) | undefined;
    /** Told at once when the system reports a write to a file the watcher does not ignore, before the watcher looks at it. */
    onWrite?: (() => void) | undefined;
  } = {},
): SiteWatcher {
  const root = path.resolve(layout.root);
  const posts = path.resolve(layout.postsDir);
  const roots = relativeInside(root, posts) === undefined ? [root, posts] : [root];
  const watcher: FSWatcher = watch(roots, {
    ignored: (file) => isIgnoredPath(layout, file),
    ignoreInitial: true,
    atomic: true,
    // A symlink to "/" inside public/ must not make the watcher walk the whole disk.
    followSymlinks: false,
    ignorePermissionErrors: true,
  });
  const report = (event: ChangeEvent, file: string) => {
    const change = classifyChange(layout, event, file);
    if (change) onChange(change);
  };
  const recheck = createChangeRecheck(recheckDelayMs, (file) => report("change", file));
  watcher.on("all", (event, file) => {
    if (!events.has(event)) return;
    report(event as ChangeEvent, file);
    if (event === "add" || event === "change") recheck.seen(file);
  });
  watcher.on("error", (e) => onError?.(e as Error));
  // The system's own event: chokidar stats the file (and rescans its folder) before it reports the change.
  watcher.on("raw", (_event, name: string | null, details) => {
    const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (onWrite === undefined || typeof watched !== "string") return;
    const file = name && path.basename(watched) !== name ? path.join(watched, name) : watched;
    if (!isIgnoredPath(layout, file)) onWrite();
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    close: async () => {
      recheck.close();
      await watcher.close();
    },
  };
}

/** True for paths the watcher should not even enter: editor litter, and anything outside the site's parts. */
export function isIgnoredPath(layout: SiteLayout, file: string): boolean {
  const absolute = path.resolve(file);
  if (isEditorLitter(absolute)) return true;
  if (configFileNames.some((name) => absolute === path.resolve(layout.root, name))) return false;
  const parts = [layout.postsDir, layout.pagesDir, layout.templatesDir, layout.publicDir].map((dir) => path.resolve(dir));
  // Inside a part, or on the way down to one (root, or the parents of a nested --posts folder).
  return !parts.some((dir) => relativeInside(dir, absolute) !== undefined || relativeInside(absolute, dir) !== undefined);
}
