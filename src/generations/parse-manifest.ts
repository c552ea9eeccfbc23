import { pathProblem } from "../files/validate-output-paths.js";
import type { GenerationRecord, LedgerEntry, Manifest, ManifestFile } from "./manifest.js";

/** Thrown only inside this module: what made a manifest untrustworthy. */
class Foreign extends Error {}

const fail = (why: string): never => {
  throw new Foreign(why);
};

/**
 * Validates manifest JSON text from somewhere we do not control (an old output folder, a
 * live site). Every path must be a safe relative output path, since it is later joined to
 * a folder or a URL. Returns the manifest, or why it cannot be trusted.
 */
export function parseManifest(text: string): { manifest: Manifest } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not valid JSON (${(error as Error).message})` };
  }
  try {
    return { manifest: readManifest(value) };
  } catch (error) {
    if (error instanceof Foreign) return { problem: error.message };
    throw error;
  }
}

function readManifest(value: unknown): Manifest {
  const m = object(value, "the manifest");
  if (m.version !== 1) fail(`it has version ${JSON.stringify(m.version)}, not 1`);
  if (typeof m.baseUrl !== "string" || !/^https?:\/\//.test(m.baseUrl)) fail("its baseUrl is not an http(s) URL");
  if (!Array.isArray(m.generations)) fail("its generations are not a list");
  return {
    version: 1,
    baseUrl: m.baseUrl as string,
    generations: (m.generations as unknown[]).map(readGeneration),
    files: mapValues(object(m.files, "files"), readFile, true),
    urls: mapValues(object(m.urls, "urls"), readLedgerEntry, false),
    ...(m.unpublished === undefined ? {} : { unpublished: readUnpublished(m.unpublished) }),
  };
}

function readUnpublished(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((url) => typeof url === "string" && url.startsWith("/"))) {
    return fail("its unpublished URLs are not a list of paths");
  }
  return value as string[];
}

function readGeneration(value: unknown): GenerationRecord {
  const g = object(value, "a generation");
  if (typeof g.id !== "string" || !/^[0-9a-f]{12}$/.test(g.id)) fail("a generation id is not 12 hex characters");
  const time = isoTime(g.time, "a generation time");
  if (!Array.isArray(g.assets)) fail(`generation ${String(g.id)} has no asset list`);
  const assets = (g.assets as unknown[]).map((path) => safePath(path));
  return { id: g.id as string, time, assets };
}

function readFile(value: unknown, path: string): ManifestFile {
  const f = object(value, `files["${path}"]`);
  if (typeof f.hash !== "string" || !/^[0-9a-f]{16}$/.test(f.hash)) fail(`the hash of ${path} is not 16 hex characters`);
  if (typeof f.size !== "number" || !Number.isSafeInteger(f.size) || f.size < 0) fail(`the size of ${path} is not a byte count`);
  if (f.cache !== "immutable" && f.cache !== "revalidate") fail(`the cache class of ${path} is unknown`);
  return { hash: f.hash as string, size: f.size as number, cache: f.cache as ManifestFile["cache"] };
}

function readLedgerEntry(value: unknown, url: string): LedgerEntry {
  const e = object(value, `urls["${url}"]`);
  if (!url.startsWith("/")) fail(`the ledger URL ${url} does not start with /`);
  const since = isoTime(e.since, `the date of ${url}`);
  if (e.status === "live" || e.status === "gone") return { status: e.status, since };
  if (e.status === "redirect" && typeof e.to === "string" && e.to !== "") return { status: "redirect", since, to: e.to };
  return fail(`the ledger entry of ${url} is not live, redirect or gone`);
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function mapValues<T>(record: Record<string, unknown>, read: (v: unknown, key: string) => T, keysArePaths: boolean) {
  // fromEntries defines own properties, so a `__proto__` key stays a plain key.
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [keysArePaths ? safePath(key) : key, read(v, key)]));
}

function safePath(path: unknown): string {
  if (typeof path !== "string") return fail("a file path is not a string");
  const problem = pathProblem(path);
  return problem ? fail(`the path ${JSON.stringify(path)} is unsafe: ${problem}`) : path;
}

function isoTime(value: unknown, what: string): string {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) fail(`${what} is not an ISO 8601 time`);
  return value as string;
}
