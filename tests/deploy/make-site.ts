/** Test helper: a built site by hand (files + a manifest in the format of src/generations/manifest.ts). */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listSiteFiles } from "../../src/check/site-files.js";
import { cacheClassOf } from "../../src/generations/cache-class-of.js";
import { hashBytes } from "../../src/files/hash-file.js";
import type { Manifest, ManifestFile } from "../../src/generations/manifest.js";
import { manifestPath } from "../../src/urls/generated-files.js";

export type SiteMap = Map<string, Uint8Array>;

const encoder = new TextEncoder();

/** The files plus `daylight-manifest.json` listing them all. */
export function makeSite(
  files: Readonly<Record<string, string | Uint8Array>>,
  baseUrl = "https://example.com/",
  generation = "000000000001",
): SiteMap {
  const site: SiteMap = new Map();
  const entries: Record<string, ManifestFile> = {};
  for (const path of Object.keys(files).sort()) {
    const contents = files[path]!;
    const bytes = typeof contents === "string" ? encoder.encode(contents) : contents;
    site.set(path, bytes);
    entries[path] = { ...hashBytes(bytes), cache: cacheClassOf(path) };
  }
  const assets = Object.keys(entries).filter((path) => entries[path]!.cache === "immutable");
  const manifest: Manifest = {
    version: 1,
    baseUrl,
    generations: [{ id: generation, time: "2025-01-01T00:00:00.000Z", assets }],
    files: entries,
    urls: {},
  };
  site.set(manifestPath, encoder.encode(JSON.stringify(manifest, null, 2) + "\n"));
  return site;
}

/** Writes a site into `dir` (which may already hold files: they stay). */
export function writeSite(dir: string, site: SiteMap): void {
  for (const [path, bytes] of site) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** path → text of every file under `dir` (a snapshot to compare before/after). */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const path of listSiteFiles(dir)) result[path] = readFileSync(join(dir, path), "latin1");
  return result;
}

/** A minimal valid page: a stylesheet link and a body. */
export function page(title: string, body: string, css = "/assets/style.0123abcd.css"): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<title>${title}</title>\n<link rel="stylesheet" href="${css}">\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
