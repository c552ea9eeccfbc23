import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { writeTextSync } from "../files/write-text-sync.js";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { TreeSnapshot } from "../files/tree-snapshot.js";

/**
 * What the last successful build of one output folder was made from and what it wrote,
 * kept in the cache folder: a repeat build whose inputs, output, options, code and clock
 * all match it has nothing to do.
 */
export interface BuildRecord {
  readonly format: typeof recordFormat;
  /** Digest of what is not a file: the code, the options, the working folder (see unchanged-build.ts). */
  readonly key: string;
  /** The build's "now" (ms), and when the same inputs start to build differently (a scheduled post's date), if ever. */
  readonly builtAt: number;
  readonly validUntil: number | null;
  /** The output folder's real path then (its generation slot). */
  readonly outputTarget: string;
  /** The inputs' files as the build found them before reading them, and the output's as it left them. */
  readonly inputs: TreeSnapshot;
  readonly output: TreeSnapshot;
  /** What the build said: told again when nothing changed. */
  readonly report: BuildReport;
}

/** The facts of a build's closing lines, and its diagnostics (warnings: a build with errors leaves no record). */
export interface BuildReport {
  readonly generation: string;
  readonly posts: number;
  readonly pages: number;
  readonly diagnostics: readonly Diagnostic[];
}

const recordFormat = 2;

/** `<cache>/last-build-<digest of the output path>.json`: one record per output folder the cache serves. */
const recordPath = (cacheDir: string, outDir: string): string => fileOfOutput(cacheDir, outDir, "last-build");

/** `<cache>/<prefix>-<digest of the output path>.json`: a file of the cache about one output folder. */
export function fileOfOutput(cacheDir: string, outDir: string, prefix: string): string {
  const digest = createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `${prefix}-${digest}.json`);
}

/** The record of the last build into `outDir`; undefined when there is none or it cannot be read as one. */
export function readBuildRecord(cacheDir: string, outDir: string): BuildRecord | undefined {
  let text: string;
  try {
    text = readFileSync(recordPath(cacheDir, outDir), "utf8");
  } catch {
    return undefined;
  }
  try {
    const record: unknown = JSON.parse(text);
    return isBuildRecord(record) ? record : undefined;
  } catch {
    return undefined; // a damaged record is no record: the build runs
  }
}

/** The record's shape, down to each entry: a record edited or cut short by anyone else is no record. */
function isBuildRecord(value: unknown): value is BuildRecord {
  const record = value as Partial<Record<keyof BuildRecord, unknown>> | null;
  if (typeof record !== "object" || record === null || record.format !== recordFormat) return false;
  const report = record.report as Partial<Record<keyof BuildReport, unknown>> | null | undefined;
  return typeof record.key === "string" && typeof record.builtAt === "number" && typeof record.outputTarget === "string" &&
    (record.validUntil === null || typeof record.validUntil === "number") &&
    isSnapshot(record.inputs) && isSnapshot(record.output) &&
    typeof report === "object" && report !== null && typeof report.generation === "string" &&
    typeof report.posts === "number" && typeof report.pages === "number" && Array.isArray(report.diagnostics);
}

function isSnapshot(value: unknown): value is TreeSnapshot {
  const snapshot = value as { takenAt?: unknown; trees?: unknown } | null;
  if (typeof snapshot !== "object" || snapshot === null || typeof snapshot.takenAt !== "number" || !Array.isArray(snapshot.trees)) return false;
  return snapshot.trees.every((tree: { spec?: { dir?: unknown }; folders?: unknown; files?: unknown }) =>
    typeof tree?.spec?.dir === "string" && Array.isArray(tree.folders) && Array.isArray(tree.files) &&
    [...tree.folders, ...tree.files].every(isEntry));
}

const isEntry = (entry: { path?: unknown; stat?: unknown } | null): boolean =>
  typeof entry?.path === "string" && Array.isArray(entry.stat) && entry.stat.length === 4 && entry.stat.every((n) => typeof n === "number");

/** Saves the record whole (a temporary file renamed into place) or not at all. */
export function writeBuildRecord(cacheDir: string, outDir: string, record: Omit<BuildRecord, "format">): void {
  writeWhole(cacheDir, recordPath(cacheDir, outDir), JSON.stringify({ format: recordFormat, ...record }));
}

/** Writes `file` of the cache folder whole (a temporary file renamed into place) or not at all. */
export function writeWhole(cacheDir: string, file: string, text: string): void {
  writeWholeInParts(cacheDir, file, () => [text]);
}

/** writeWhole of the text `parts` gives, written a megabyte at a time (a large file need not be one string). */
export function writeWholeInParts(cacheDir: string, file: string, parts: () => Iterable<string>): void {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  mkdirSync(cacheDir, { recursive: true });
  try {
    writeTextSync(temp, inMegabytes(parts()));
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function* inMegabytes(parts: Iterable<string>): Iterable<string> {
  let pending = "";
  for (const part of parts) {
    pending += part;
    if (pending.length >= 1 << 20) {
      yield pending;
      pending = "";
    }
  }
  yield pending;
}

/** Forgets the record before a build changes the output: a build that stops half-way must not leave one that vouches for it. */
export function forgetBuildRecord(cacheDir: string, outDir: string): void {
  forgetFile(cacheDir, recordPath(cacheDir, outDir));
}

/** Removes `file` of the cache folder, and the temporary files a process killed while writing it left. */
export function forgetFile(cacheDir: string, file: string): void {
  rmSync(file, { force: true });
  const stale = `${path.basename(file)}.`;
  for (const name of readdirOrNone(cacheDir)) if (name.startsWith(stale) && name.endsWith(".tmp")) rmSync(path.join(cacheDir, name), { force: true });
}

function readdirOrNone(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
