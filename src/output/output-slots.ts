import { existsSync, lstatSync, readlinkSync, realpathSync } from "node:fs";
import { lstat, mkdir, readlink, rename, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { mayReplaceFolder } from "./guard-folder.js";
import { resolveRealPath } from "./resolve-real-path.js";

/*
 * The output layout. `<out>` is a symlink to one of two generation folders ("slots") kept
 * beside it, `<out>.generations/a` and `<out>.generations/b`, written as a relative target
 * (`dist.generations/b`), so the pair can be moved together. A build fills the slot the
 * link does not point to and then renames a new link over `<out>`: one atomic rename, so
 * at every moment `<out>` is a complete generation, old or new. The two slots never share
 * an inode: filling one can never change what the other serves.
 */

/** The two slot names. */
export type SlotName = "a" | "b";

/** Where one output's layout lives. */
export interface OutputLayout {
  /** The output path itself: our symlink, a real folder (before conversion, or a mount point), or nothing. */
  readonly output: string;
  /** `<out>.generations`: the slots, the lock, and the temporary links. */
  readonly generations: string;
}

/** The layout of the output `outDir`; an output inside another output's generations folder is refused. */
export function outputLayout(outDir: string): OutputLayout {
  const output = outputPathOf(outDir);
  const owner = generationsOwnerAbove(output);
  if (owner !== undefined) {
    throw new OutputLayoutError(`${output} is inside ${owner}.generations, which the builds of ${owner} replace; build into ${owner} itself`);
  }
  return { output, generations: `${output}.generations` };
}

/** `/x/dist` when `path` is `/x/dist.generations` or below it and `/x/dist` is our link; else undefined. */
export function generationsOwnerAbove(path: string): string | undefined {
  for (let dir = path; dirname(dir) !== dir; dir = dirname(dir)) {
    if (!dir.endsWith(".generations")) continue;
    const owner = dir.slice(0, -".generations".length);
    if (slotOfLink(owner) !== undefined) return owner;
  }
  return undefined;
}

/** The absolute path of a slot. */
export const slotPath = (layout: OutputLayout, slot: SlotName): string => join(layout.generations, slot);

/** What `<out>`'s link says for `slot` (relative to the output's parent folder). */
export const linkTarget = (layout: OutputLayout, slot: SlotName): string => `${basename(layout.generations)}/${slot}`;

/** The other slot. */
export const otherSlot = (slot: SlotName): SlotName => (slot === "a" ? "b" : "a");

/** The temporary link renamed over `<out>` by a swap, kept inside the generations folder. */
export const swapLinkPath = (layout: OutputLayout): string => join(layout.generations, ".swap-link");

/** The link made before a real output folder is moved into slot a (see convertOutput). */
export const convertLinkPath = (layout: OutputLayout): string => join(layout.generations, ".convert-link");

/**
 * The path the output really is: its parent folder resolved physically, and symlinks at
 * the output's own name followed — unless the link is ours (`<name>.generations/a|b`),
 * which is the output itself. So `--out site`, where `site` is a user's link to
 * `/srv/www/blog`, builds `/srv/www/blog` (and makes that our link), as before.
 */
export function outputPathOf(outDir: string): string {
  let path = join(resolveRealPath(dirname(outDir)), basename(outDir));
  for (let hops = 0; hops < 40; hops++) {
    if (path === "/") throw new Error("the output folder cannot be the file system root");
    const info = lstatOrUndefined(path);
    if (!info?.isSymbolicLink() || slotOfLink(path) !== undefined || !existsSync(path)) return path;
    const target = realpathSync(path);
    // A link to one of our slots (`cp -r` copies the link with an absolute target): the output is the slot's owner.
    const owner = ownerOfSlot(target);
    if (owner !== undefined) return owner;
    path = target;
  }
  throw new Error(`the output ${outDir} is a chain of too many symlinks`);
}

/** The slot `path` (a symlink) points to when it is one of our output links, else undefined. */
export function slotOfLink(path: string): SlotName | undefined {
  let target: string;
  try {
    target = readlinkSync(path);
  } catch {
    return undefined;
  }
  const prefix = `${basename(path)}.generations/`;
  const slot = target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
  return slot === "a" || slot === "b" ? slot : undefined;
}

/** `/x/dist` when `path` is `/x/dist.generations/a` and `/x/dist` is our link to it. */
function ownerOfSlot(path: string): string | undefined {
  const match = /^(.*)\.generations\/[ab]$/.exec(path);
  if (!match) return undefined;
  const owner = match[1]!;
  return slotOfLink(owner) !== undefined ? owner : undefined;
}

/** What is at the output path. */
export type OutputState =
  | { readonly kind: "absent" }
  | { readonly kind: "linked"; readonly live: SlotName }
  | { readonly kind: "folder" }
  | { readonly kind: "other"; readonly what: string };

/** Reads what `<out>` is now; a symlink other than ours is "other" (never followed here). */
export async function outputState(layout: OutputLayout): Promise<OutputState> {
  const info = await lstat(layout.output).catch(absentOnly);
  if (info === undefined) return { kind: "absent" };
  if (info.isSymbolicLink()) {
    const live = slotOfLink(layout.output);
    return live ? { kind: "linked", live } : { kind: "other", what: `a symlink to ${await readlink(layout.output)} that daylight did not make` };
  }
  if (info.isDirectory()) return { kind: "folder" };
  return { kind: "other", what: "not a folder" };
}

/** Makes `<out>.generations` (a real folder, with a `.gitignore` so git ignores the slots) if missing. */
export async function ensureGenerations(layout: OutputLayout): Promise<void> {
  await assertRealFolderOrAbsent(layout.generations);
  await mkdir(layout.generations, { recursive: true });
  const ignore = join(layout.generations, ".gitignore");
  if (!existsSync(ignore)) await writeFile(ignore, "*\n");
}

/** Refuses a generations folder that is a symlink or a file: daylight never made one, and never follows one. */
export async function assertRealFolderOrAbsent(path: string): Promise<void> {
  const info = await lstat(path).catch(absentOnly);
  if (info && (info.isSymbolicLink() || !info.isDirectory())) {
    throw new OutputLayoutError(`${path} is ${info.isSymbolicLink() ? "a symlink" : "not a folder"}: daylight did not make it; remove it by hand`);
  }
}

/** Makes `slot` an existing real folder: whatever else is under its name (a link, a file) is unlinked, never followed. */
export async function ensureSlotFolder(layout: OutputLayout, slot: SlotName): Promise<string> {
  const path = slotPath(layout, slot);
  const info = await lstat(path).catch(absentOnly);
  if (info && !info.isDirectory()) await unlink(path);
  if (!info?.isDirectory()) await mkdir(path);
  return path;
}

/** Points `<out>` at `slot` with one rename of a fresh link over it. */
export async function switchLink(layout: OutputLayout, slot: SlotName, afterStep: (step: string) => void | Promise<void>): Promise<void> {
  const temporary = swapLinkPath(layout);
  await rm(temporary, { force: true });
  await symlink(linkTarget(layout, slot), temporary);
  await afterStep("link-made");
  try {
    await rename(temporary, layout.output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** True when `dir` holds daylight's manifest, or nothing (a file system's own lost+found aside): a folder daylight may replace. */
export const isDaylightFolder = async (dir: string): Promise<boolean> => mayReplaceFolder(dir, "output");

/** A layout daylight cannot repair without risking a folder it did not make: a one-line error. */
export class OutputLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputLayoutError";
  }
}

function absentOnly(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
