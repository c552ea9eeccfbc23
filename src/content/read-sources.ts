import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { error, positionAt, warning, type Diagnostic, type Position } from "../diagnostics.js";
import type { SourceFile } from "../model.js";
import { walkFolder } from "../files/list-files.js";
import { isSkippedSourceName } from "../files/skipped-names.js";
import { detectHeaderFormat } from "./parse-post.js";
import { postExtensions, textExtension, unbuiltMarkup } from "./unbuilt-markup.js";

/** What `readPostSources` found under the posts folder. */
export interface PostSources {
  readonly sources: SourceFile[];
  /** Absolute paths of every other file there (images and files that sit next to posts). */
  readonly assetFiles: string[];
  readonly diagnostics: Diagnostic[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Walk {
  /** Real paths a symlink may point into: the site root and the posts folder. */
  readonly allowed: readonly string[];
  readonly visited: Set<string>;
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
  readonly display: (absolute: string) => string;
}

/**
 * Reads every post under `postsDir` (*.md and *.markdown at any depth, and *.txt that start
 * with a header; names starting with `_` or `.` skipped). Every other file is an asset (a
 * file beside the posts); markup of other generators (`.mdx`, `.adoc`…) gets an
 * `unbuilt-markup` warning. Paths in SourceFile are from `root`, POSIX style. A missing
 * folder gives no posts; posts that are not UTF-8 text give `not-text`.
 */
export function readPostSources(root: string, postsDir: string): PostSources {
  const rootDir = path.resolve(root);
  const postsAbs = path.resolve(rootDir, postsDir);
  const walk: Walk = {
    allowed: [realOrSelf(rootDir), realOrSelf(postsAbs)],
    visited: new Set(),
    files: [],
    diagnostics: [],
    display: (absolute) => displayPath(rootDir, absolute),
  };
  walkPosts(postsAbs, walk);
  const sources: SourceFile[] = [];
  const assetFiles: string[] = [];
  for (const file of walk.files.sort(compareText)) {
    const ext = path.extname(file).toLowerCase();
    if (postExtensions.has(ext)) readSource(file, walk, sources);
    else if (ext !== textExtension || !readTextPost(file, walk, sources)) assetFiles.push(file);
    if (ext !== textExtension && !postExtensions.has(ext)) {
      const unbuilt = unbuiltMarkup(file, walk.display(file), () => readHead(file));
      if (unbuilt) walk.diagnostics.push(unbuilt);
    }
  }
  return { sources, assetFiles, diagnostics: walk.diagnostics };
}

/** From the root when inside it; else from the working folder, or absolute when that is shorter. */
export function displayPath(root: string, absolute: string): string {
  const fromRoot = path.relative(root, absolute);
  if (!fromRoot.startsWith("..") && !path.isAbsolute(fromRoot)) return toPosix(fromRoot);
  const fromCwd = path.relative(process.cwd(), absolute);
  return toPosix(fromCwd.length < absolute.length ? fromCwd : absolute);
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

const isInside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** Every file under `dir` into `walk.files`: symlinks followed when they point inside the site, each real folder once. */
function walkPosts(dir: string, walk: Walk): void {
  walk.visited.add(realOrSelf(dir));
  walkFolder(dir, {
    entry({ path: relative, name, dirent }) {
      if (isSkippedSourceName(name)) return false;
      const full = path.join(dir, relative);
      const kind = dirent.isSymbolicLink() ? followLink(full, walk) : dirent.isDirectory() ? "dir" : dirent.isFile() ? "file" : undefined;
      if (kind === "file") walk.files.push(full);
      if (kind !== "dir") return false;
      const real = realOrSelf(full);
      if (walk.visited.has(real)) return false; // a symlink loop, or a folder reached already
      walk.visited.add(real);
      return true;
    },
    unreadable(relative, problem) {
      walk.diagnostics.push(error("unreadable-folder", `the folder cannot be read (${problem.code ?? "error"})`, walk.display(path.join(dir, relative))));
    },
  });
}

/** What a symlink points at, when it points at something inside the site. */
function followLink(link: string, walk: Walk): "dir" | "file" | undefined {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    walk.diagnostics.push(warning("missing-file", "this symlink points at nothing and is skipped", walk.display(link)));
    return undefined;
  }
  if (!walk.allowed.some((dir) => isInside(target, dir))) {
    walk.diagnostics.push(warning("unsafe-link", `this symlink points outside the site (${target}) and is skipped`,
      walk.display(link), undefined, "copy the file into the site instead of linking to it"));
    return undefined;
  }
  const info = statSync(target, { throwIfNoEntry: false });
  return info?.isDirectory() ? "dir" : info?.isFile() ? "file" : undefined;
}

// Synchronous: a thousand small files read one after another beat a thousand promises (~4x).
function readSource(file: string, walk: Walk, sources: SourceFile[]): void {
  const shown = walk.display(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    walk.diagnostics.push(error("not-text", `the file cannot be read (${code})`, shown));
    return;
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    walk.diagnostics.push(error("not-text", "the file is not UTF-8 text", shown, firstNulPosition(bytes),
      "save it as UTF-8 text (a binary file, or UTF-16, cannot be a post); or rename it to start with `_` to skip it"));
    return;
  }
  sources.push({ path: shown, text });
}

/** Reads a `.txt` as a post when it is text that starts with a header; false when it is a file like any other. */
function readTextPost(file: string, walk: Walk, sources: SourceFile[]): boolean {
  let text: string | undefined;
  try {
    text = decodeText(readFileSync(file));
  } catch {
    return false; // the asset reader reports a file it cannot read
  }
  if (text === undefined || !isPostText(file, text)) return false;
  sources.push({ path: walk.display(file), text });
  return true;
}

/** Whether a file under posts/ with this text is a post: `.md`/`.markdown` always, `.txt` when it starts with a header. */
export function isPostText(file: string, text: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return postExtensions.has(ext) || (ext === textExtension && detectHeaderFormat(text) !== undefined);
}

/** The first bytes of a file as text (empty when it cannot be read). */
function readHead(file: string): string {
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(16);
      return buffer.subarray(0, readSync(fd, buffer, 0, 16, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

/** Where the first NUL byte is (a binary file); 1:1 when the problem is invalid UTF-8 instead. */
function firstNulPosition(bytes: Buffer): Position {
  const nul = bytes.indexOf(0);
  if (nul === -1) return { line: 1, column: 1 };
  const before = bytes.subarray(0, nul).toString("utf8");
  return positionAt(before, before.length);
}

/** The text of a post file, or undefined when it is not text: a NUL byte, or invalid UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0) || !isUtf8(bytes)) return undefined;
  // A byte order mark stays in the text, as written (header parsing knows it).
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
