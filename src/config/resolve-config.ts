import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { error, positionAt, warning, type Diagnostic } from "../diagnostics.js";
import { closestMatch } from "../text/closest-match.js";
import { defaultSiteConfig, type SiteConfig } from "./site-config.js";

/** The config file's name in the site root. */
export const configFileName = "site.config.json";

type Checker = (value: unknown) => string | undefined;

const isText: Checker = (v) => (typeof v === "string" ? undefined : "must be a string");
const isPositiveInteger: Checker = (v) =>
  typeof v === "number" && Number.isInteger(v) && v > 0 ? undefined : "must be a whole number above 0";
const isSlugList: Checker = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === "string") ? undefined : 'must be a list of page slugs, like ["about", "now"]';
const isPathList: Checker = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === "string" && item.startsWith("/"))
    ? undefined
    : 'must be a list of site paths, like ["/old-post/"]';
const isRedirectMap: Checker = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  Object.entries(v).every(([from, to]) => from.startsWith("/") && typeof to === "string" && to !== "")
    ? undefined
    : 'must map old paths to new ones, like { "/old/": "/posts/new/" }';
const isWholeNumber: Checker = (v) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? undefined : "must be a whole number, 0 or more";
const isTimeZone: Checker = (v) => isText(v) ?? (isKnownTimeZone(v as string) ? undefined : "is not an IANA time zone");
const isSiteUrl: Checker = (v) => isText(v) ?? urlProblem(v as string);

const checkers: Record<string, Checker> = {
  title: isText,
  description: isText,
  author: isText,
  language: isText,
  timezone: isTimeZone,
  url: isSiteUrl,
  postsPerPage: isPositiveInteger,
  feedItems: isPositiveInteger,
  nav: isSlugList,
  redirects: isRedirectMap,
  gone: isPathList,
  keepGenerations: isWholeNumber,
  keepDays: isWholeNumber,
};

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
  if (baseUrl !== undefined) {
    const problem = isSiteUrl(baseUrl);
    if (problem) diagnostics.push(error("config-error", `--base-url ${problem}`, undefined));
    else values.url = baseUrl;
  }
  return { config: toSiteConfig(values), diagnostics };
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
    const checker = checkers[key];
    if (!checker) {
      const known = closestMatch(key, Object.keys(checkers));
      diagnostics.push(
        warning("unknown-key", `unknown config key "${key}"`, configFileName, positionAt(text, keyNode.offset),
          known ? `did you mean "${known}"?` : `known keys: ${Object.keys(checkers).join(", ")}`),
      );
      continue;
    }
    const value = getNodeValue(valueNode) as unknown;
    const problem = checker(value);
    if (problem) {
      diagnostics.push(error("config-error", `"${key}" ${problem}`, configFileName, positionAt(text, valueNode.offset)));
    } else {
      values[key] = value;
    }
  }
}

function toSiteConfig(values: Record<string, unknown>): SiteConfig {
  const merged = { ...defaultSiteConfig, ...values } as SiteConfig & { url?: string };
  if (merged.url === undefined) return { ...merged, url: undefined, basePath: "/" };
  const url = new URL(merged.url);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { ...merged, url: url.href, basePath: url.pathname };
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute URL like "https://example.com/blog/" (got "${value}")`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// or http://";
  if (url.search || url.hash) return "must not have a ?query or #fragment";
  return undefined;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
