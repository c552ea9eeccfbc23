import { promoteWarnings, type Diagnostic, type Severity } from "../diagnostics.js";

/** What the config's `"rules"` may set a rule to. */
export type RuleSetting = Severity | "off";

/** Rule id → the severity the site gave it. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/**
 * The site's severities over the diagnostics of a build, check or deploy: a rule set to
 * "off" is dropped, one set to "error" or "warning" takes that severity. Then `--strict`
 * turns the warnings left into errors. The config's own diagnostics never come through here:
 * config validation refuses to lower a rule that must stay an error (rule-registry.ts).
 */
export function applyRules(diagnostics: readonly Diagnostic[], rules: RuleSettings, strict = false): Diagnostic[] {
  const settled: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = Object.hasOwn(rules, d.rule) ? rules[d.rule] : undefined;
    if (setting === "off") continue;
    settled.push(setting === undefined || setting === d.severity ? d : { ...d, severity: setting });
  }
  return strict ? promoteWarnings(settled) : settled;
}
