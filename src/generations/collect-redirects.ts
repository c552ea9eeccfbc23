import type { SiteConfig } from "../config/site-config.js";
import { generatedFileAt, normalizeAlias } from "../urls/normalize-alias.js";
import { error, warning, type Diagnostic } from "../diagnostics.js";
import { siteToUrlPath, urlToOutputPath, urlToSitePath, type OutputSpace } from "./url-paths.js";

/** A post or page URL this build publishes, with the old URLs (`aliases`) that should lead to it. */
export interface PublishedUrl {
  /** URL path, base path included (`/blog/posts/a/`): Post.url. */
  readonly url: string;
  /** The source file, for diagnostics (`posts/a.md`). */
  readonly file: string;
  /** Site paths (`/old/`), as PostMeta.aliases holds them. */
  readonly aliases: readonly string[];
}

/** An old URL path that leads elsewhere: `to` is a URL path on this site or an absolute URL. */
export interface Redirect {
  readonly from: string;
  readonly to: string;
}

/** The redirects and removals this build declares, each source once and never on a real page. */
export interface DeclaredRoutes {
  readonly redirects: readonly Redirect[];
  /** URL paths answered with 410 where the host can. */
  readonly gone: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const configFile = "site.config.json";

interface Candidate extends Redirect {
  readonly file: string;
  readonly what: string;
}

/**
 * Gathers redirects from posts' aliases and `config.redirects`, and removals from
 * `config.gone`. A source that a page of this build already occupies, or that two
 * declarations claim differently, is an `alias-collision` error.
 */
export function collectRedirects(published: readonly PublishedUrl[], config: SiteConfig, space: OutputSpace): DeclaredRoutes {
  const diagnostics: Diagnostic[] = [];
  const base = config.basePath;
  const candidates: Candidate[] = published.flatMap((page) =>
    page.aliases.map((alias) => ({ from: siteToUrlPath(alias, base), to: page.url, file: page.file, what: `the alias ${alias}` })),
  );
  for (const [key, target] of Object.entries(config.redirects)) {
    const from = configPath(key, "redirects", config, diagnostics);
    const to = redirectTarget(key, target, base, diagnostics);
    if (from !== undefined && to !== undefined) candidates.push({ from, to, file: configFile, what: `the redirect ${key}` });
  }
  const redirects = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const problem = collision(candidate.from, redirects.get(candidate.from), candidate.to, space, base);
    if (problem) diagnostics.push(collisionError(`${candidate.what} ${problem}`, candidate.file, candidate.from, base));
    else redirects.set(candidate.from, candidate);
  }
  const gone = collectGone(config, redirects, space, diagnostics);
  diagnostics.push(...brokenTargets(redirects.values(), space, base, new Set(redirects.keys())));
  const sorted = [...redirects.values()].map(({ from, to }) => ({ from, to })).sort((a, b) => compare(a.from, b.from));
  return { redirects: sorted, gone: gone.sort(compare), diagnostics };
}

function collectGone(config: SiteConfig, redirects: ReadonlyMap<string, Candidate>, space: OutputSpace, diagnostics: Diagnostic[]): string[] {
  const gone = new Set<string>();
  for (const entry of config.gone) {
    const url = configPath(entry, "gone", config, diagnostics);
    if (url === undefined) continue;
    const output = urlToOutputPath(url, config.basePath) ?? "";
    if (space.occupied(output) || redirects.has(url)) {
      const clash = redirects.has(url) ? "is also redirected" : "is a page of this build";
      diagnostics.push(collisionError(`"gone" lists ${entry}, which ${clash}`, configFile, url, config.basePath));
    } else {
      gone.add(url);
    }
  }
  return [...gone];
}

/** Why `from` cannot redirect to `to`, or undefined when it can. */
function collision(from: string, existing: Candidate | undefined, to: string, space: OutputSpace, base: string): string | undefined {
  if (existing && existing.to !== to) return `claims ${from}, which ${existing.what} already sends to ${existing.to}`;
  if (existing) return undefined;
  const own = generatedFileAt(urlToSitePath(from, base) ?? "");
  if (own !== undefined) return `names ${from}, where daylight writes its own ${own}`;
  if (space.occupied(urlToOutputPath(from, base) ?? "")) return `names ${from}, which is a page of this build`;
  return undefined;
}

function collisionError(message: string, file: string, from: string, base: string): Diagnostic {
  return error("alias-collision", message, file, undefined,
    `an old URL can lead to one place only, and never where a page is: remove it from the aliases or from "redirects"/"gone" in site.config.json (it is ${from} on the site, under the base path ${base})`);
}

function configPath(path: string, key: string, config: SiteConfig, diagnostics: Diagnostic[]): string | undefined {
  const site = normalizeAlias(path, config.url);
  if (site !== undefined) return siteToUrlPath(site, config.basePath);
  diagnostics.push(error("config-error", `"${key}" holds ${JSON.stringify(path)}, which cannot be a page of this site`, configFile,
    undefined, 'give old URLs as paths from the site root, e.g. "/2019/03/old-name/", without ".." or spaces'));
  return undefined;
}

/** A path target gets the base path; an absolute http(s) URL is kept; anything else is refused. */
function redirectTarget(key: string, target: string, base: string, diagnostics: Diagnostic[]): string | undefined {
  if (/^https?:\/\/[^\s]+$/i.test(target)) return target;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && !/\s/.test(target) && !target.startsWith("//")) return siteToUrlPath(target, base);
  diagnostics.push(error("config-error", `"redirects" sends ${key} to ${JSON.stringify(target)}, which is not a site path or an http(s) URL`,
    configFile, undefined, 'write targets as paths from the site root ("/posts/new-name/") or as https:// URLs'));
  return undefined;
}

function* brokenTargets(redirects: Iterable<Candidate>, space: OutputSpace, base: string, sources: ReadonlySet<string>) {
  for (const redirect of redirects) {
    if (/^https?:/i.test(redirect.to) || sources.has(redirect.to.replace(/[?#].*$/, ""))) continue;
    const output = urlToOutputPath(redirect.to.replace(/[?#].*$/, ""), base);
    if (output !== undefined && space.occupied(output)) continue;
    yield warning("broken-redirect", `${redirect.what} leads to ${redirect.to}, which is no page of this build`, redirect.file,
      undefined, `point it at a URL this build publishes (paths are from the site root: the base path ${base} is added)`);
  }
}

/** Code-unit order: the same on every machine and locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
