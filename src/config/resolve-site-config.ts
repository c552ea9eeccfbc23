import type { PluggableList } from "unified";
import { error, type Diagnostic } from "../diagnostics.js";
import { checkConfigValue, toSiteConfig, unknownKey } from "./config-checks.js";
import type { ConfigSource } from "./config-source.js";
import { resolveConfig } from "./resolve-config.js";
import type { SiteConfig } from "./site-config.js";

/** unified plugins a site adds, from its config module; applied in the order documented in the README. */
export interface SitePlugins {
  readonly remarkPlugins: PluggableList;
  readonly rehypePlugins: PluggableList;
}

/** The resolved config, the site's plugins (none for JSON) and what was wrong. */
export interface ResolvedSiteConfig {
  readonly config: SiteConfig;
  readonly plugins: SitePlugins;
  readonly diagnostics: Diagnostic[];
}

const noPlugins: SitePlugins = { remarkPlugins: [], rehypePlugins: [] };
const pluginKeys = ["remarkPlugins", "rehypePlugins"] as const;

/** Validates whichever config file the site has; `baseUrl` (from --base-url) wins over its `url`. */
export function resolveSiteConfig(source: ConfigSource | undefined, baseUrl?: string): ResolvedSiteConfig {
  if (source === undefined || source.kind === "json") return { ...resolveConfig(source?.text, baseUrl), plugins: noPlugins };
  const diagnostics: Diagnostic[] = [];
  if (source.kind === "failed") {
    const at = source.line === undefined ? undefined : { line: source.line, column: source.column ?? 1 };
    diagnostics.push(error("config-error", source.message, source.file, at));
    return { config: toSiteConfig({}, baseUrl, diagnostics), plugins: noPlugins, diagnostics };
  }
  const exports = source.exports;
  if (typeof exports !== "object" || exports === null || Array.isArray(exports)) {
    diagnostics.push(error("config-error", `${source.file} must export its settings as an object`, source.file, undefined,
      "export default { title: \"My blog\", url: \"https://example.com/\", remarkPlugins: [] };"));
    return { config: toSiteConfig({}, baseUrl, diagnostics), plugins: noPlugins, diagnostics };
  }
  const values: Record<string, unknown> = {};
  const plugins: Record<string, PluggableList> = { remarkPlugins: [], rehypePlugins: [] };
  for (const [key, value] of Object.entries(exports)) {
    if ((pluginKeys as readonly string[]).includes(key)) {
      if (Array.isArray(value)) plugins[key] = value as PluggableList;
      else diagnostics.push(error("config-error", `"${key}" must be a list of unified plugins`, source.file));
      continue;
    }
    const problem = checkConfigValue(key, value);
    if (problem === "unknown") diagnostics.push(unknownKey(key, source.file, undefined));
    else if (problem) diagnostics.push(error("config-error", `"${key}" ${problem}`, source.file));
    else values[key] = value;
  }
  return {
    config: toSiteConfig(values, baseUrl, diagnostics),
    plugins: { remarkPlugins: plugins.remarkPlugins ?? [], rehypePlugins: plugins.rehypePlugins ?? [] },
    diagnostics,
  };
}
