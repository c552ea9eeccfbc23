import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { fetchBytes, type FetchLimits } from "./fetch-bytes.js";
import { hashBytes, hashFile } from "../files/hash-file.js";
import type { Manifest, ManifestFile } from "./manifest.js";
import { parseManifest } from "./parse-manifest.js";
import { manifestPath } from "../urls/generated-files.js";

/**
 * Where the previous generation comes from: an output folder, or the live site's URL. A
 * folder is the build's own output unless `live` says it is what the site serves (`--previous DIR`).
 */
export type PreviousSource =
  | { readonly kind: "dir"; readonly dir: string; readonly live?: boolean }
  | { readonly kind: "url"; readonly url: string };

/** A retained file, verified against its manifest hash, or why it cannot be carried. */
export type RetainedFile = { readonly file: OutputFile } | { readonly problem: string };

/** The generation a build follows: its manifest, and a way to get the files it lists. */
export interface PreviousGeneration {
  readonly manifest: Manifest;
  readonly source: PreviousSource;
  /** Where the source is, for messages: a folder path or a URL. */
  readonly location: string;
  /** Read from the live site (`--previous`): every URL of its ledger is published, whatever the manifest says. */
  readonly live: boolean;
  /**
   * The file at `path` as the manifest describes it: from a folder, `{ path, sourcePath }`
   * (so the writer hard-links it); from a URL, its fetched bytes. Its bytes must hash to `expected`.
   */
  loadFile(path: string, expected: ManifestFile): Promise<RetainedFile>;
}

/** What reading the previous generation gave: it (or undefined: there is none), and warnings. */
export interface PreviousRead {
  readonly previous: PreviousGeneration | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export const defaultFetchLimits = {
  manifest: { timeoutMs: 15_000, maxBytes: 32 * 1024 * 1024 },
  asset: { timeoutMs: 30_000, maxBytes: 256 * 1024 * 1024 },
} as const satisfies Record<string, FetchLimits>;

/**
 * Reads the previous generation's manifest. None there (no folder, no manifest, a 404) is
 * not a problem: the build is the site's first. An unreadable, corrupt or foreign manifest
 * is never trusted: a `previous-manifest` warning, and the build goes on as if there were none.
 */
export async function readPreviousGeneration(
  source: PreviousSource,
  limits: typeof defaultFetchLimits = defaultFetchLimits,
): Promise<PreviousRead> {
  const location = source.kind === "dir" ? join(source.dir, manifestPath) : manifestUrl(source.url)?.href ?? source.url;
  const text = source.kind === "dir" ? await readManifestFile(location) : await fetchManifest(source.url, limits.manifest);
  if (text === undefined) return { previous: undefined, diagnostics: [] };
  if ("problem" in text) return untrusted(location, text.problem);
  const parsed = parseManifest(text.text);
  if ("problem" in parsed) return untrusted(location, parsed.problem);
  const loadFile = source.kind === "dir" ? loadFromDir(source.dir) : loadFromUrl(siteRoot(source.url), limits.asset);
  const live = source.kind === "url" || source.live === true;
  return { previous: { manifest: parsed.manifest, source, location, live, loadFile }, diagnostics: [] };
}

type ManifestText = { readonly text: string } | { readonly problem: string } | undefined;

async function readManifestFile(path: string): Promise<ManifestText> {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    return { problem: `it cannot be read (${code ?? (error as Error).message})` };
  }
}

async function fetchManifest(url: string, limits: FetchLimits): Promise<ManifestText> {
  const target = manifestUrl(url);
  if (!target) return { problem: "the address is not an http:// or https:// URL" };
  const result = await fetchBytes(target, limits);
  if (result.kind === "missing") return undefined;
  if (result.kind === "failed") return { problem: `it could not be fetched: ${result.reason}` };
  return { text: Buffer.from(result.bytes).toString("utf8") };
}

function untrusted(location: string, problem: string): PreviousRead {
  const message = `the previous manifest ${location} is not used: ${problem}`;
  const hint = "this build keeps no earlier assets and checks no published URLs; pass --previous with the live site's URL or its last output folder";
  return { previous: undefined, diagnostics: [warning("previous-manifest", message, undefined, undefined, hint)] };
}

/** The site root as a URL ending in `/`, or undefined when it is not http(s). */
function siteRoot(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    parsed.search = "";
    parsed.hash = "";
    if (!parsed.pathname.endsWith("/")) parsed.pathname += "/";
    return parsed;
  } catch {
    return undefined;
  }
}

const manifestUrl = (url: string): URL | undefined => {
  const root = siteRoot(url);
  return root ? new URL(manifestPath, root) : undefined;
};

const encodePath = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

function loadFromDir(dir: string): PreviousGeneration["loadFile"] {
  return async (path, expected) => {
    const sourcePath = join(dir, ...path.split("/"));
    try {
      const digest = await hashFile(sourcePath);
      if (digest.hash !== expected.hash) return { problem: `its bytes do not match the manifest's hash` };
      return { file: { path, sourcePath } };
    } catch (error) {
      return { problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  };
}

function loadFromUrl(root: URL | undefined, limits: FetchLimits): PreviousGeneration["loadFile"] {
  return async (path, expected) => {
    if (!root) return { problem: "the previous site's address is not http(s)" };
    const result = await fetchBytes(new URL(encodePath(path), root), { ...limits, maxBytes: Math.min(limits.maxBytes, expected.size) });
    if (result.kind === "missing") return { problem: "the live site no longer has it" };
    if (result.kind === "failed") return { problem: `it could not be fetched: ${result.reason}` };
    if (hashBytes(result.bytes).hash !== expected.hash) return { problem: "its bytes do not match the manifest's hash" };
    return { file: { path, contents: result.bytes } };
  };
}
