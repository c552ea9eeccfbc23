import { statSync } from "node:fs";
import path from "node:path";

/** What the caller can add about the state it leaves: a build says its previous output is unchanged. */
export interface IoFailureContext {
  /** Appended after the advice, e.g. "the previous output is unchanged". */
  readonly outcome?: string | undefined;
  /** Named when the error carries no path of its own (it should: see attach-error-path.ts). */
  readonly fallbackPath?: string | undefined;
}

/**
 * A file-system failure (a full disk, a read-only one, a refused permission…) as one line:
 * what could not be done to which path, why, and what to do. Undefined when `e` is not such
 * a failure (a bug is not the machine's fault and is reported as one).
 */
export function describeIoFailure(e: unknown, context: IoFailureContext = {}): string | undefined {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof err?.code !== "string" || typeof err.syscall !== "string") return undefined;
  const target = err.path ?? context.fallbackPath;
  const action = `cannot ${verbOf(err.syscall)}${target === undefined ? "" : ` ${target}`}${copyTarget(err)}`;
  // A copy, link or move fails on the side it writes (a full or read-only disk): advise about that one.
  // A folder that cannot be listed is the one to open up; for a file, the folder holding it.
  const folder = err.syscall === "scandir" || err.syscall === "opendir" ? target : target && path.dirname(err.dest ?? target);
  const { what, todo } = adviceFor(err.code, { target: err.dest ?? target, folder }, accessOf(err.syscall));
  const line = `${action}: ${what} — ${todo}${context.outcome ? `; ${context.outcome}` : ""}`;
  return line.replace(/[\r\n]+/g, " ");
}

function copyTarget(err: NodeJS.ErrnoException & { dest?: string }): string {
  return err.dest === undefined ? "" : ` to ${err.dest}`;
}

const verbs: Record<string, string> = {
  open: "open", write: "write", close: "write", fsync: "write", ftruncate: "write",
  mkdir: "create the folder", mkdtemp: "create a folder in", rename: "move", link: "link",
  symlink: "create the link", copyfile: "copy", unlink: "delete", rmdir: "delete the folder",
  rm: "delete", read: "read", scandir: "list", opendir: "list", stat: "inspect", lstat: "inspect",
  readlink: "read the link", chmod: "change the permissions of", utime: "set the time of",
};

const verbOf = (syscall: string): string => verbs[syscall] ?? syscall;

const reads = new Set(["read", "scandir", "opendir", "stat", "lstat", "readlink", "access"]);

/** The access a refused call needed: an open may read or write. */
const accessOf = (syscall: string): string => (reads.has(syscall) ? "read access" : syscall === "open" ? "access" : "write access");

/** What happened, in words, and what to do about it, for the codes a machine (not a bug) causes. */
function adviceFor(code: string, { target, folder }: { target?: string | undefined; folder?: string | undefined }, access: string): { what: string; todo: string } {
  const dir = folder ?? "the folder";
  const mount = target === undefined ? "that disk" : mountPointOf(target);
  switch (code) {
    case "ENOSPC":
      return { what: "the disk is full", todo: `free space on ${mount}, then build again` };
    case "EDQUOT":
      return { what: "your disk quota is used up", todo: `free space on ${mount} or ask for a larger quota, then build again` };
    case "EROFS":
      return { what: "the file system is read-only", todo: `remount ${mount} read-write, or choose a folder on another disk (--out, --cache-dir)` };
    case "EACCES":
    case "EPERM":
      return { what: "permission denied", todo: `give your user ${access} to ${dir}, or choose another folder (--out, --cache-dir)` };
    case "EBUSY":
      return { what: "it is busy (open in another program, or a mount point)", todo: "close what uses it or choose another folder, then build again" };
    case "EMFILE":
    case "ENFILE":
      return { what: "too many files are open", todo: "raise the limit (ulimit -n) or close other programs, then build again" };
    case "ENOENT":
      return { what: "a folder on its path does not exist (removed while building?)", todo: `make sure nothing else deletes ${dir}, then build again` };
    case "EIO":
      return { what: "the disk reported an input/output error", todo: `check the disk holding ${mount} (its connection, the system log), then build again` };
    case "EXDEV":
      return { what: "it cannot move between two file systems", todo: "keep the output and the folders beside it on one disk, then build again" };
    case "ENOTDIR":
      return { what: "a file stands where a folder is needed", todo: `move that file out of ${dir}, then build again` };
    case "EISDIR":
      return { what: "a folder stands where a file is needed", todo: `move that folder out of ${dir}, then build again` };
    case "ELOOP":
      return { what: "too many symbolic links on its path", todo: `check the links leading to ${dir}` };
    case "ENAMETOOLONG":
      return { what: "the name is too long for the file system", todo: "shorten the file or folder names, or choose a shorter --out" };
    default:
      return { what: `the system refused it (${code})`, todo: "check the folder and the disk, then build again" };
  }
}

/** The mount point holding `target`: the highest existing folder above it on the same device. */
export function mountPointOf(target: string): string {
  let dir = path.resolve(target);
  let device = deviceOf(dir);
  while (device === undefined && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
    device = deviceOf(dir);
  }
  for (let parent = path.dirname(dir); parent !== dir; dir = parent, parent = path.dirname(dir)) {
    if (deviceOf(parent) !== device) break;
  }
  return dir;
}

function deviceOf(file: string): number | undefined {
  try {
    return statSync(file).dev;
  } catch {
    return undefined;
  }
}
