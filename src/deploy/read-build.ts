import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseManifest } from "../generations/parse-manifest.js";
import { hashBytes } from "../files/hash-file.js";
import type { Manifest } from "../generations/manifest.js";
import type { BuildFile } from "./plan-deploy.js";
import { manifestPath } from "../urls/generated-files.js";

/** A built folder ready to publish: its manifest and every file to upload (the manifest included). */
export interface BuildListing {
  readonly manifest: Manifest;
  readonly files: ReadonlyMap<string, BuildFile>;
}

/** Reads the built folder's manifest; a string says why the folder cannot be deployed. */
export function readBuild(outDir: string): BuildListing | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(outDir, manifestPath));
  } catch {
    return `${outDir} is not a daylight build: it has no ${manifestPath}`;
  }
  const parsed = parseManifest(bytes.toString("utf8"));
  if ("problem" in parsed) return `${join(outDir, manifestPath)} cannot be read: ${parsed.problem}`;
  const files = new Map<string, BuildFile>(Object.entries(parsed.manifest.files));
  files.set(manifestPath, { ...hashBytes(bytes), cache: "revalidate" });
  return { manifest: parsed.manifest, files };
}
