import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readlink, rename, rmdir, symlink, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/** The build holding a lock: its pid and its start time (so a reused pid is not mistaken for it). */
export interface LockHolder {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot); empty where there is no /proc. */
  readonly start: string;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly path: string;
  /** Removes the lock (if it is still ours) and the folders made for it when they are empty. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** Wait for a live holder (polling); false: give up at once (`--no-wait`). */
  readonly wait: boolean;
  /** Called once, when this build starts waiting for another. */
  readonly onWait?: (holder: LockHolder, path: string) => void;
  readonly pollMs?: number;
}

/** The lock is held by another live build and `wait` was false. */
export interface BusyLock {
  readonly busy: LockHolder;
  readonly path: string;
}

/**
 * Takes the lock `path`: a symlink whose target is the text "pid start token", created
 * whole and atomically by symlink() (which fails if the name exists), and needing no data
 * block, so that a full disk still gets its one-line error from the write that fails. A lock whose
 * holder is dead (no such process, or a process of that pid started at another time) is
 * taken over under a second lock, `path.takeover`, after checking again that it is still
 * the dead holder's; so two builds that find the same dead lock cannot both take it.
 */
export async function acquireLock(path: string, options: LockOptions): Promise<HeldLock | BusyLock> {
  // The token tells apart two holders in one process (tests), so that neither releases the other's lock.
  const mine = `${process.pid} ${processStart(process.pid) ?? ""} ${randomBytes(6).toString("hex")}`;
  const madeFolder = await mkdir(dirname(path), { recursive: true });
  let announced = false;
  for (;;) {
    if (await createExclusive(path, mine)) return held(path, mine, madeFolder);
    const text = await readLock(path);
    if (text === undefined) continue; // released meanwhile: try again at once
    const holder = parseHolder(text);
    if (holder === undefined || !isAlive(holder)) {
      if (await takeOver(path, text, mine)) return held(path, mine, madeFolder);
    } else if (!options.wait) {
      return { busy: holder, path };
    } else if (!announced) {
      announced = true;
      options.onWait?.(holder, path);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

function held(path: string, mine: string, madeFolder: string | undefined): HeldLock {
  return {
    path,
    async release() {
      if ((await readLock(path).catch(() => undefined)) === mine) await unlink(path).catch(() => {});
      // A build that wrote nothing leaves no folder behind (another waiting build's files keep it).
      if (madeFolder === undefined) return;
      for (let dir = dirname(path); dir.length >= madeFolder.length; dir = dirname(dir)) {
        if (!(await rmdir(dir).then(() => true, () => false))) return;
      }
    },
  };
}

/** Creates the lock `path` holding `text` if nothing has that name; false if something does. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  try {
    await symlink(text, path);
    return true;
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { dest?: string };
    if (err.code === "EEXIST") return false;
    // Named by the lock's path, not by the text it holds (symlink(2) reports its target as the path).
    err.path = path;
    delete err.dest;
    throw err;
  }
}

/** The text of the lock `path`; undefined when there is none; "" for anything else under that name (not ours: dead). */
async function readLock(path: string): Promise<string | undefined> {
  try {
    return await readlink(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "EINVAL") return ""; // a file or folder, not a link
    throw error;
  }
}

/**
 * Replaces the dead holder's lock (`stale`, its exact text) by ours, under the takeover
 * lock. The replacement is a rename over it: the lock never stops existing, so no third
 * build can slip in between.
 */
async function takeOver(path: string, stale: string, mine: string): Promise<boolean> {
  const guard = `${path}.takeover`;
  if (!(await createExclusive(guard, mine))) {
    await breakIfDead(guard);
    return false;
  }
  try {
    if ((await readLock(path)) !== stale) return false;
    const temporary = `${path}.${process.pid}.take.tmp`;
    await unlink(temporary).catch(() => {});
    await symlink(mine, temporary);
    await rename(temporary, path);
    return true;
  } finally {
    await unlink(guard).catch(() => {});
  }
}

/**
 * Removes a takeover lock whose holder died inside it (a window of a few system calls):
 * moved aside first, and put back if it turns out to be another live taker's.
 */
async function breakIfDead(guard: string): Promise<void> {
  const text = await readLock(guard).catch(() => undefined);
  const holder = text === undefined ? undefined : parseHolder(text);
  if (text === undefined || (holder !== undefined && isAlive(holder))) return;
  const aside = `${guard}.${process.pid}.dead`;
  if (!(await rename(guard, aside).then(() => true, () => false))) return;
  if ((await readLock(aside).catch(() => undefined)) !== text) await link(aside, guard).catch(() => {});
  await unlink(aside).catch(() => {});
}

/** "pid start token" → holder; undefined for anything else (a lock no build of ours wrote: treated as dead). */
export function parseHolder(text: string): LockHolder | undefined {
  const match = /^(\d+) (\d*) [0-9a-f]+$/.exec(text);
  return match ? { pid: Number(match[1]), start: match[2]! } : undefined;
}

/** True while the process that wrote the lock runs (a zombie does not). */
export function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const stat = procStat(holder.pid);
  if (stat === undefined) return process.platform !== "linux";
  if (stat[0] === "Z") return false;
  return holder.start === "" || stat[19] === holder.start;
}

/** A process's start time (field 22 of /proc/<pid>/stat), or undefined without /proc. */
export function processStart(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** The fields of /proc/<pid>/stat from the third on (after the command name, which may hold spaces). */
function procStat(pid: number): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}
