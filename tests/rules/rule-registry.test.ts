import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleIds, ruleRegistry } from "../../src/rules/rule-registry.js";

const srcRoot = join(import.meta.dirname, "../../src");
const sourceFiles = (readdirSync(srcRoot, { recursive: true }) as string[])
  .filter((name) => name.endsWith(".ts") && !name.startsWith("rules/"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(srcRoot, name), "utf8") }));

// Every way src/ names a rule: error("id", …), warning("id", …), diagnostic(severity, "id", …),
// `const rule = "id"` (one rule per module) and `rule: "id"` in a literal diagnostic.
const patterns = [
  /(?<![.\w])(?:error|warning)\(\s*"([^"]+)"/g,
  /(?<![.\w])diagnostic\(\s*[^,()"]+,\s*"([^"]+)"/g,
  /\bconst rule = "([^"]+)"/g,
  /\brule:\s*"([^"]+)"/g,
];

function usedRuleIds(): Map<string, string> {
  const used = new Map<string, string>();
  for (const { name, text } of sourceFiles) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.set(match[1]!, name);
  }
  return used;
}

describe("the rule registry", () => {
  it("lists every rule id that src/ reports", () => {
    const used = usedRuleIds();
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter(([id]) => !ruleIds.includes(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it("lists no rule that src/ never names", () => {
    const everything = sourceFiles.map((file) => file.text).join("\n");
    expect(ruleIds.filter((id) => !everything.includes(`"${id}"`))).toEqual([]);
  });

  it("holds each id once, kebab-case, sorted, each with a one-line meaning", () => {
    expect([...ruleIds].sort()).toEqual(ruleIds);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of ruleRegistry) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.meaning).not.toMatch(/\n/);
      expect(rule.fixed ?? "").not.toMatch(/\n/);
    }
  });
});
