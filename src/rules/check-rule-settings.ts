import { closestMatch } from "../text/closest-match.js";
import { ruleIds, ruleInfo } from "./rule-registry.js";

const settings = ["error", "warning", "off"];

/** What is wrong with one `"rules"` entry (undefined when it is fine): an unknown id, a bad setting, or a fixed rule lowered. */
export function ruleSettingProblem(id: string, setting: unknown): { problem: string; at: "key" | "value" } | undefined {
  const info = ruleInfo(id);
  if (info === undefined) {
    const nearest = closestMatch(id, ruleIds, Math.max(2, Math.ceil(id.length / 2)));
    const hint = nearest ? `did you mean "${nearest}"?` : "docs/rules.md lists every rule id";
    return { problem: `names an unknown rule "${id}": ${hint}`, at: "key" };
  }
  if (typeof setting !== "string" || !settings.includes(setting)) {
    return { problem: `sets "${id}" to ${JSON.stringify(setting)}: use "error", "warning" or "off"`, at: "value" };
  }
  if (info.fixed && setting !== "error") {
    return { problem: `cannot lower "${id}": ${info.fixed}`, at: "value" };
  }
  return undefined;
}

/** The first problem of a whole `"rules"` value, for the config's checker. */
export function rulesProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return 'must map rule ids to "error", "warning" or "off", like { "broken-reference": "warning" }';
  }
  for (const [id, setting] of Object.entries(value)) {
    const found = ruleSettingProblem(id, setting);
    if (found) return found.problem;
  }
  return undefined;
}
