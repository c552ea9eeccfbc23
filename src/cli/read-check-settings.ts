import { readConfigSource } from "../config/config-source.js";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { RuleSettings } from "../rules/apply-rules.js";

/** What `check` and `deploy` take from the site's config: how severe each rule is, which host paths are not the site's. */
export interface CheckSettings {
  readonly rules: RuleSettings;
  readonly externalPaths: readonly string[];
}

/**
 * The `"rules"` and `"externalPaths"` of the site config in `root` (none when `root` is
 * undefined or holds no config), or the config's errors: a check must judge a built folder
 * as the build that made it did.
 */
export async function readCheckSettings(root: string | undefined): Promise<CheckSettings | { errors: Diagnostic[] }> {
  if (root === undefined) return { rules: {}, externalPaths: [] };
  const { config, diagnostics } = resolveSiteConfig(await readConfigSource(root));
  if (hasErrors(diagnostics)) return { errors: sortDiagnostics(diagnostics) };
  return { rules: config.rules, externalPaths: config.externalPaths };
}
