import { error, warning, type Diagnostic, type Position } from "../diagnostics.js";
import { generatedFileAt, normalizeAlias } from "../urls/normalize-alias.js";
import { rulesProblem } from "../rules/check-rule-settings.js";
import { closestMatch } from "../text/closest-match.js";
import { externalPathsProblem } from "./external-paths.js";
import { permalinkProblem } from "../urls/permalink.js";
import { imagesProblem, resolveImageSettings } from "./image-settings.js";
import { defaultSiteConfig, type SiteConfig } from "./site-config.js";

type Checker = (value: unknown) => string | undefined;

const isText: Checker = (v) => (typeof v === "string" ? undefined : "must be a string");
const isPositiveInteger: Checker = (v) =>
  typeof v === "number" && Number.isInteger(v) && v > 0 ? undefined : "must be a whole number above 0";
const isSlugList: Checker = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === "string") ? undefined : 'must be a list of page slugs, like ["about", "now"]';
const isPathList: Checker = (v) =>
  Array.isArray(v) && v.every((item) => typeof item === "string" && item.startsWith("/"))
    ? ownFileProblem(v as string[])
    : 'must be a list of site paths, like ["/old-post/"]';
const isRedirectMap: Checker = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  Object.entries(v).every(([from, to]) => from.startsWith("/") && typeof to === "string" && to !== "")
    ? ownFileProblem(Object.keys(v))
    : 'must map old paths to new ones, like { "/old/": "/posts/new/" }';
/** An old path where daylight writes a file of its own (`/feed.xml`, `/_redirects`) would replace that file. */
const ownFileProblem = (paths: readonly string[]): string | undefined => {
  const taken = paths.find((path) => generatedFileAt(normalizeAlias(path, undefined) ?? path) !== undefined);
  return taken === undefined ? undefined : `names ${taken}, where daylight writes its own ${generatedFileAt(normalizeAlias(taken, undefined) ?? taken)}`;
};
const isBoolean: Checker = (v) => (typeof v === "boolean" ? undefined : "must be true or false");
const isWholeNumber: Checker = (v) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? undefined : "must be a whole number, 0 or more";
const isTimeZone: Checker = (v) => isText(v) ?? (isKnownTimeZone(v as string) ? undefined : "is not an IANA time zone");
const isSiteUrl: Checker = (v) => isText(v) ?? urlProblem(v as string);
// The language sorts tags and pages (Intl.Collator), which throws for a malformed tag.
const isLanguageTag: Checker = (v) =>
  isText(v) ?? (isWellFormedLanguageTag(v as string) ? undefined : 'must be a language tag like "en" or "pt-BR"');

/** Every config key a site may set, with what its value must be. */
const checkers: Record<string, Checker> = {
  title: isText,
  description: isText,
  author: isText,
  language: isLanguageTag,
  timezone: isTimeZone,
  url: isSiteUrl,
  postsPerPage: isPositiveInteger,
  feedItems: isPositiveInteger,
  nav: isSlugList,
  redirects: isRedirectMap,
  gone: isPathList,
  keepGenerations: isWholeNumber,
  keepDays: isWholeNumber,
  renderBudgetSeconds: isPositiveInteger,
  renderMemoryMiB: isPositiveInteger,
  rules: rulesProblem,
  externalPaths: externalPathsProblem,
  permalink: permalinkProblem,
  search: isBoolean,
  images: imagesProblem,
  cards: isBoolean,
};

/** What a key's value should be (undefined when it is fine), or "unknown" for a key daylight does not know. */
export function checkConfigValue(key: string, value: unknown): string | undefined | "unknown" {
  // Own keys only: "__proto__" or "constructor" would find Object's own members.
  const checker = Object.hasOwn(checkers, key) ? checkers[key] : undefined;
  return checker ? checker(value) : "unknown";
}

/** The diagnostic for a config key that daylight does not know, with the key it probably meant. */
export function unknownKey(key: string, file: string, at: Position | undefined): Diagnostic {
  const known = closestMatch(key, Object.keys(checkers));
  return warning("unknown-key", `unknown config key "${key}"`, file, at,
    known ? `did you mean "${known}"?` : `known keys: ${Object.keys(checkers).join(", ")}`);
}

/**
 * The resolved config from checked values, with `--base-url` (when given) winning over the
 * file's `url`.
 */
export function toSiteConfig(values: Record<string, unknown>, baseUrl: string | undefined, diagnostics: Diagnostic[]): SiteConfig {
  if (baseUrl !== undefined) {
    const problem = isSiteUrl(baseUrl);
    if (problem) diagnostics.push(error("config-error", `--base-url ${problem}`, undefined));
    else values = { ...values, url: baseUrl };
  }
  const merged = { ...defaultSiteConfig, ...values, images: resolveImageSettings(values["images"]) } as SiteConfig & { url?: string };
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

function isWellFormedLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
