import { createLineIndex, error, type Diagnostic } from "../diagnostics.js";
import { hashBytes } from "../files/hash-file.js";
import type { ManifestFile } from "../generations/manifest.js";
import { manifestPath } from "../urls/generated-files.js";

/** `hash-mismatch` when `bytes` are not what the manifest recorded for `path`. */
export function verifyManifestEntry(path: string, entry: ManifestFile, contents: Uint8Array | string): Diagnostic | undefined {
  const digest = hashBytes(contents);
  if (digest.hash === entry.hash && digest.size === entry.size) return undefined;
  return error("hash-mismatch",
    `${path} does not match the manifest: it has hash ${digest.hash} and ${digest.size} bytes, ` +
      `the manifest says ${entry.hash} and ${entry.size} bytes`,
    path, undefined, "the folder was changed after the build: build again, or restore the file");
}

/** `missing-file` for each manifest entry the folder lacks, positioned at the entry in the manifest. */
export function findMissingFiles(
  files: Readonly<Record<string, ManifestFile>>,
  present: ReadonlySet<string>,
  manifestText: string,
): Diagnostic[] {
  const positionOf = createLineIndex(manifestText);
  const diagnostics: Diagnostic[] = [];
  for (const path of Object.keys(files)) {
    if (present.has(path)) continue;
    const at = manifestText.indexOf(`${JSON.stringify(path)}:`);
    diagnostics.push(error("missing-file", `the manifest lists ${path}, but the folder has no such file`,
      manifestPath, at === -1 ? undefined : positionOf(at), "build again, or restore the file"));
  }
  return diagnostics;
}
