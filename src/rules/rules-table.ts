import { ruleRegistry } from "./rule-registry.js";

/**
 * The Markdown table of every rule (id, default severity, whether the config may lower it,
 * meaning) that docs/rules.md holds between its `rules-table` markers; a test keeps the two equal.
 */
export function rulesTable(): string {
  const rows = ruleRegistry.map((rule) =>
    `| \`${rule.id}\` | ${rule.severity} | ${rule.fixed ? `no: ${rule.fixed}` : "yes"} | ${rule.meaning} |`);
  return ["| rule | default | can be lowered | what it reports |", "|---|---|---|---|", ...rows].join("\n");
}
