import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Manifest } from "../generations/manifest.js";
import { serializeManifest } from "../generations/serialize-manifest.js";
import { manifestPath } from "../urls/generated-files.js";

/** The manifest once a deploy carried it: every URL of its ledger published, so no `unpublished` list. */
export function deployedManifest(manifest: Manifest): Manifest {
  const { unpublished: _carried, ...rest } = manifest;
  return rest;
}

/**
 * Records in the built folder's manifest that a deploy carries its URLs, before the deploy
 * publishes it: the next build, reading its previous generation from that folder, then
 * keeps those URLs answering. Rewritten beside itself and renamed over (never in place: a
 * later build's slot may share the file). Returns false when there was nothing to record.
 */
export async function recordDeploy(outDir: string, manifest: Manifest): Promise<boolean> {
  if (manifest.unpublished === undefined) return false;
  const file = join(outDir, manifestPath);
  // Written as the build writes it (sorted keys), so the bytes differ only by the list.
  const text = serializeManifest(deployedManifest(manifest));
  if ((await readFile(file, "utf8")) === text) return false;
  const temporary = join(dirname(file), `.${basename(file)}.daylight-tmp`);
  await writeFile(temporary, text);
  await rename(temporary, file);
  return true;
}
