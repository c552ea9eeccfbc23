import { lstatSync, readFileSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { isPublicAsset, postAssetSource, type AssetSource } from "../assets/asset-index.js";
import { readConfigSource } from "../config/config-source.js";
import { decodeText, isPostText } from "../content/read-sources.js";
import { mayBeUnbuiltMarkup } from "../content/unbuilt-markup.js";
import type { SourceFile } from "../model.js";
import { builtinTemplatesDir } from "../config/package-paths.js";
import { readPublicAssets, readSite, type SiteLayout, type SiteSources } from "../read/read-site.js";
import { readTheme } from "../site/read-theme.js";
import type { SiteChange } from "./classify-change.js";

/**
 * The sources after `changes`, reading again only what they touched: one post, the theme,
 * the config text or the list of public files. Anything unusual (a folder added or removed,
 * a symlink, a file that is not UTF-8 text) falls back to reading the whole site, so the
 * result always equals what `readSite` would give.
 */
export async function updateSources(
  sources: SiteSources,
  layout: SiteLayout,
  changes: readonly SiteChange[],
): Promise<SiteSources> {
  if (changes.some((c) => c.kind === "posts-folder")) return readSite(layout);
  let next = sources;
  const kinds = new Set(changes.map((c) => c.kind));
  for (const change of latestPerFile(changes)) {
    if (change.kind !== "post" && change.kind !== "page" && change.kind !== "post-asset") continue;
    const updated = await updatePostsFile(next, layout, change);
    if (updated === undefined) return readSite(layout);
    next = updated;
  }
  if (kinds.has("template") || kinds.has("theme-asset")) {
    next = { ...next, theme: await readTheme(layout.templatesDir, builtinTemplatesDir) };
  }
  if (kinds.has("config")) next = { ...next, configSource: await readConfigSource(layout.root) };
  if (kinds.has("public")) next = { ...next, assets: await relistPublic(next.assets, layout) };
  return next;
}

/** Only the last event of each file matters: its state on disk now is what gets read. */
function latestPerFile(changes: readonly SiteChange[]): SiteChange[] {
  return [...new Map(changes.map((c) => [c.file, c])).values()];
}

/** The sources with one file of the posts or pages folder read again; undefined when only a full read will do. */
async function updatePostsFile(sources: SiteSources, layout: SiteLayout, change: SiteChange): Promise<SiteSources | undefined> {
  const key = sourceKey(layout, change.file);
  if (key === undefined || sources.diagnostics.some((d) => d.file === key)) return undefined;
  const info = await lstat(change.file).catch(() => undefined);
  if (info !== undefined && !info.isFile()) return undefined;
  const bytes = info === undefined ? undefined : await readFile(change.file).catch(() => undefined);
  if (info !== undefined && bytes === undefined) return undefined;
  // Whether a `.txt` is a post depends on its text, and some files beside posts get a warning: read them all.
  if (path.extname(change.file).toLowerCase() === ".txt" || mayBeUnbuiltMarkup(change.file)) return undefined;
  if (change.kind === "post" || change.kind === "page") {
    const text = bytes === undefined ? undefined : decodeText(bytes);
    if (bytes !== undefined && text === undefined) return undefined;
    return withText(sources, change.kind === "post" ? "posts" : "pages", key, text);
  }
  const assets = sources.assets.filter((a) => a.key !== key);
  if (bytes !== undefined) assets.push(postAssetSource(key, change.file, bytes));
  return { ...sources, assets: sortAssets(assets) };
}

/**
 * An editor that saves in place truncates the file, then writes it, and the watcher reports
 * the first of the two: on a quiet machine one read in eight (25 of 200 saves of 3 KB) lands
 * in between and finds the file empty. The quick answer would then fail, and the page wait
 * for the whole build (400 ms at 4,000 posts). A post that had text gets this long to get
 * text again; one emptied on purpose costs the same wait once.
 */
export const emptiedMidWriteMs = 40;

/** readEditedPostNow, once a post found empty (that was not) has had `emptiedMidWriteMs` to be written. */
export async function readEditedPost(sources: SiteSources, layout: SiteLayout, change: SiteChange): Promise<SiteSources | undefined> {
  const key = sourceKey(layout, change.file);
  const hadText = sources.posts.some((p) => p.path === key && p.text !== "");
  const deadline = performance.now() + emptiedMidWriteMs;
  while (hadText && isEmptyFile(change.file) && performance.now() < deadline) await sleep(2);
  return readEditedPostNow(sources, layout, change);
}

function isEmptyFile(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch {
    return false;
  }
}

/**
 * updateSources for the edit of one post, read at once and synchronously: the dev server's
 * quick answer then runs without giving the event loop up, so the watcher's rescan of the
 * post's folder (a stat of every file in it on each save) does not cut in. Undefined when
 * the file is not a readable, text post that the sources already hold (the whole build then
 * reads it its own way).
 */
export function readEditedPostNow(sources: SiteSources, layout: SiteLayout, change: SiteChange): SiteSources | undefined {
  const key = sourceKey(layout, change.file);
  if (change.kind !== "post" || key === undefined || !sources.posts.some((p) => p.path === key)) return undefined;
  try {
    if (!lstatSync(change.file).isFile()) return undefined;
    const text = decodeText(readFileSync(change.file));
    return text === undefined || !isPostText(change.file, text) ? undefined : withText(sources, "posts", key, text);
  } catch {
    return undefined;
  }
}

/** The sources with the file at `key` holding `text` (or gone, for undefined), in readSite's order. */
function withText(sources: SiteSources, collection: "posts" | "pages", key: string, text: string | undefined): SiteSources {
  const at = sources[collection].findIndex((p) => p.path === key);
  // A save that changed nothing (a touch, a second look at a file) leaves the sources as they were.
  if (at !== -1 && text !== undefined && sources[collection][at]?.text === text) return sources;
  // An edit (the common case) keeps the file's place: no sorting thousands of paths again.
  if (at !== -1 && text !== undefined) return { ...sources, [collection]: sources[collection].with(at, { path: key, text }) };
  const files = sources[collection].filter((p) => p.path !== key);
  if (text !== undefined) files.push({ path: key, text });
  return { ...sources, [collection]: files.sort(byPath) };
}

async function relistPublic(assets: readonly AssetSource[], layout: SiteLayout): Promise<AssetSource[]> {
  return [...assets.filter((a) => !isPublicAsset(a)), ...(await readPublicAssets(layout.publicDir))];
}

/** The key readSite gives a file under the root (posts outside the root take the full path). */
export function sourceKey(layout: SiteLayout, file: string): string | undefined {
  const rel = path.relative(path.resolve(layout.root), file);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPath = (a: SourceFile, b: SourceFile): number => compareText(a.path, b.path);

/** readSite's order: post assets (by path), then public files (by path). */
function sortAssets(assets: AssetSource[]): AssetSource[] {
  const rank = (a: AssetSource) => (isPublicAsset(a) ? 1 : 0);
  return assets.sort((a, b) => rank(a) - rank(b) || compareText(a.key, b.key));
}
