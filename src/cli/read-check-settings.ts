import { readConfigSource } from "../config/config-source.js";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { RuleSettings } from "../rules/apply-rules.js";
import path from "node:path";
import type { LocateReference } from "../check/check-references.js";
import { locateInTemplates } from "../check/locate-in-templates.js";
import { builtinTemplatesDir } from "../config/package-paths.js";
import { readTheme } from "../site/read-theme.js";

/** What `check` and `deploy` take from the site's config: how severe each rule is, which host paths are not the site's. */
export interface CheckSettings {
  readonly rules: RuleSettings;
  readonly externalPaths: readonly string[];
  /** Finds a broken reference in the site's templates, so one mistake there is reported once, at its line. */
  readonly locate?: LocateReference | undefined;
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
  const theme = await readTheme(path.join(root, "templates"), builtinTemplatesDir);
  return { rules: config.rules, externalPaths: config.externalPaths, locate: locateInTemplates(theme.templates.values(), config.basePath) };
}
