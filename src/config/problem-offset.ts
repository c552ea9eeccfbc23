import type { Node } from "jsonc-parser";
import { ruleSettingProblem } from "../rules/check-rule-settings.js";
import { externalPathProblem } from "./external-paths.js";

/**
 * Where inside a key's value its problem is, for values that are lists or maps of their
 * own (`"rules"`, `"externalPaths"`): the offset of the entry at fault, so that the error
 * points at `"brokn-reference"` rather than at the `{` of the whole map. Undefined for other keys.
 */
export function problemOffset(key: string, value: Node): number | undefined {
  if (key === "rules" && value.type === "object") {
    for (const property of value.children ?? []) {
      const [id, setting] = property.children ?? [];
      if (!id) continue;
      const found = ruleSettingProblem(String(id.value), setting?.value);
      if (found) return found.at === "key" || !setting ? id.offset : setting.offset;
    }
  }
  if (key === "externalPaths" && value.type === "array") {
    return value.children?.find((entry) => externalPathProblem(entry.value) !== undefined)?.offset;
  }
  return undefined;
}
