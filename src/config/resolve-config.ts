import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { error, positionAt, type Diagnostic } from "../diagnostics.js";
import { checkConfigValue, toSiteConfig, unknownKey } from "./config-checks.js";
import { problemOffset } from "./problem-offset.js";
import type { SiteConfig } from "./site-config.js";
import { configFileName } from "./config-file-names.js";

/**
 * Validates the text of site.config.json (undefined when the file is absent) and fills in
 * defaults. `baseUrl` (from --base-url) wins over the file's `url`.
 */
export function resolveConfig(
  text: string | undefined,
  baseUrl?: string,
): { config: SiteConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const values: Record<string, unknown> = {};
  if (text !== undefined) {
    const tree = parseConfigTree(text, diagnostics);
    if (tree) collectValues(tree, text, values, diagnostics);
  }
  return { config: toSiteConfig(values, baseUrl, diagnostics), diagnostics };
}

function parseConfigTree(text: string, diagnostics: Diagnostic[]): Node | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors.slice(0, 1)) {
    diagnostics.push(
      error("config-error", `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
        configFileName, positionAt(text, e.offset), "site.config.json must be plain JSON: no comments, no trailing commas"),
    );
  }
  if (errors.length > 0) return undefined;
  if (tree?.type !== "object") {
    diagnostics.push(error("config-error", "the config must be a JSON object", configFileName, { line: 1, column: 1 }));
    return undefined;
  }
  return tree;
}

function collectValues(tree: Node, text: string, values: Record<string, unknown>, diagnostics: Diagnostic[]): void {
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const value = getNodeValue(valueNode) as unknown;
    const problem = checkConfigValue(key, value);
    if (problem === "unknown") diagnostics.push(unknownKey(key, configFileName, positionAt(text, keyNode.offset)));
    else if (problem) {
      const at = positionAt(text, problemOffset(key, valueNode) ?? valueNode.offset);
      diagnostics.push(error("config-error", `"${key}" ${problem}`, configFileName, at));
    }
    else values[key] = value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
