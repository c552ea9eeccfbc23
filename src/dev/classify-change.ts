import path from "node:path";
import { configFileNames } from "../config/config-source.js";
import type { SiteLayout } from "../read/read-site.js";
import { isEditorLitter } from "./editor-litter.js";

/** What a changed file is to the site, which decides what must be read again. */
export type ChangeKind = "post" | "page" | "post-asset" | "posts-folder" | "template" | "theme-asset" | "public" | "config";

/** What the watcher saw happen to a path. */
export type ChangeEvent = "add" | "change" | "unlink" | "addDir" | "unlinkDir";

/** One classified file-system change. */
export interface SiteChange {
  readonly kind: ChangeKind;
  readonly event: ChangeEvent;
  /** Absolute path of the file or folder. */
  readonly file: string;
}

const postExtensions = new Set([".md", ".markdown", ".txt"]);

/** The change a watcher event means for the site, or undefined when it does not affect the build. */
export function classifyChange(layout: SiteLayout, event: ChangeEvent, file: string): SiteChange | undefined {
  const absolute = path.resolve(file);
  if (isEditorLitter(absolute)) return undefined;
  const isDir = event === "addDir" || event === "unlinkDir";
  if (!isDir && configFileNames.some((name) => absolute === path.resolve(layout.root, name))) {
    return { kind: "config", event, file: absolute };
  }
  const kind = kindInside(layout, absolute, isDir);
  return kind === undefined ? undefined : { kind, event, file: absolute };
}

function kindInside(layout: SiteLayout, file: string, isDir: boolean): ChangeKind | undefined {
  for (const [dir, textKind] of [[layout.postsDir, "post"], [layout.pagesDir, "page"]] as const) {
    const inside = relativeInside(dir, file);
    if (inside === undefined) continue;
    // The posts reader (which reads pages too) skips names starting with "_" or ".", at any depth.
    if (inside.split(path.sep).some((part) => /^[._]/.test(part))) return undefined;
    if (isDir) return "posts-folder";
    return postExtensions.has(path.extname(file).toLowerCase()) ? textKind : "post-asset";
  }
  const inTemplates = relativeInside(layout.templatesDir, file);
  if (inTemplates !== undefined) {
    // The theme reader skips names starting with ".".
    if (inTemplates.split(path.sep).some((part) => part.startsWith("."))) return undefined;
    const top = inTemplates.split(path.sep)[0];
    if (top === "assets") return "theme-asset";
    return isDir || file.endsWith(".liquid") ? "template" : undefined;
  }
  if (relativeInside(layout.publicDir, file) !== undefined) return "public";
  return undefined;
}

/** `file` relative to `dir` when it lies inside it (or is it: ""), else undefined. */
export function relativeInside(dir: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(dir), file);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel;
}
