import { error, promoteWarnings, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { applyRules, type RuleSettings } from "../rules/apply-rules.js";
import type { Manifest } from "../generations/manifest.js";
import { checkReferences, type ReferenceCheckOptions } from "./check-references.js";
import { parseManifest } from "../generations/parse-manifest.js";
import { siteBaseOf, type SiteBase } from "./resolve-reference.js";
import { scanKindOf } from "./scan-file.js";
import { createSiteScans, type SiteScans } from "./site-scans.js";
import type { SiteFiles } from "./site-files.js";
import { findMissingFiles, verifyManifestEntry } from "./verify-manifest.js";
import { manifestPath } from "../urls/generated-files.js";

/** How strictly, and with what fallbacks, a site is checked. */
export interface CheckOptions extends ReferenceCheckOptions {
  /** Warnings (links to missing posts, unknown fragments) become errors. */
  readonly strict: boolean;
  /** The site's URL when the files hold no manifest yet (a build checking what it is about to write). */
  readonly baseUrl?: string | undefined;
  /** Hash every file the manifest lists (default true); a build that just hashed them may skip it. */
  readonly verifyHashes?: boolean | undefined;
  /** The site's `"rules"` (config): applied to what the check finds about references, before --strict. */
  readonly rules?: RuleSettings | undefined;
  /** The site's `"externalPaths"` (config): host paths the build does not own, not checked. */
  readonly externalPaths?: readonly string[] | undefined;
}

/**
 * Verifies a built site: every internal reference (HTML `href`/`src`/`srcset`, CSS `url()`,
 * feeds, sitemap, robots.txt) names a file of the site, every `#fragment` an id on its
 * page, and every manifest entry a file with those bytes. Sorted diagnostics; never throws
 * for bad content. Files already in `scans` (a build's pages) are not read again to be scanned.
 */
export function checkSite(site: SiteFiles, options: CheckOptions, scans: SiteScans = createSiteScans()): Diagnostic[] {
  const paths = site.paths();
  const present = new Set(paths);
  const { manifest, manifestText, diagnostics } = loadManifest(site, options.baseUrl);
  const base: SiteBase = {
    ...(siteBaseOf(manifest?.baseUrl ?? options.baseUrl ?? "") ?? { host: "", path: "/" }),
    external: options.externalPaths,
  };
  const verifyHashes = options.verifyHashes ?? true;
  for (const path of paths) {
    const toScan = scanKindOf(path) !== undefined && scans.get(path) === undefined;
    const entry = verifyHashes ? manifest?.files[path] : undefined;
    if (!toScan && !entry) continue;
    const bytes = site.read(path);
    if (!bytes) continue;
    if (entry) {
      const mismatch = verifyManifestEntry(path, entry, bytes);
      if (mismatch) diagnostics.push(mismatch);
    }
    if (toScan) scans.scan(path, bytes, () => site.read(path) ?? "");
  }
  if (manifest && manifestText) diagnostics.push(...findMissingFiles(manifest.files, present, manifestText));
  const scanned = new Map([...scans.all].filter(([path]) => present.has(path)));
  // The manifest's own problems say the folder is damaged: no rule lowers them.
  const references = applyRules(checkReferences(scanned, present, base, options), options.rules ?? {});
  const all = [...diagnostics, ...references];
  return sortDiagnostics(options.strict ? promoteWarnings(all) : all);
}

interface LoadedManifest {
  readonly manifest: Manifest | undefined;
  readonly manifestText: string | undefined;
  readonly diagnostics: Diagnostic[];
}

function loadManifest(site: SiteFiles, fallbackBaseUrl: string | undefined): LoadedManifest {
  const bytes = site.read(manifestPath);
  if (!bytes) {
    const diagnostics = fallbackBaseUrl
      ? []
      : [error("missing-file", `the folder has no ${manifestPath}: it is not a daylight build`, manifestPath,
          undefined, "run daylight build, or point --out at the folder it built")];
    return { manifest: undefined, manifestText: undefined, diagnostics };
  }
  const manifestText = typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes);
  const parsed = parseManifest(manifestText);
  if ("problem" in parsed) {
    return { manifest: undefined, manifestText, diagnostics: [
      error("invalid-manifest", `${manifestPath} cannot be read: ${parsed.problem}`, manifestPath, undefined,
        "build the site again to rewrite it"),
    ] };
  }
  return { manifest: parsed.manifest, manifestText, diagnostics: [] };
}
