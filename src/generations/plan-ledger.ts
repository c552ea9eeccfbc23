import { error, type Diagnostic } from "../diagnostics.js";
import type { SiteConfig } from "../config/site-config.js";
import type { DeclaredRoutes, PublishedUrl } from "./collect-redirects.js";
import type { LedgerEntry } from "./manifest.js";
import { urlToOutputPath, urlToSitePath, type OutputSpace } from "./url-paths.js";

/** What the ledger planning needs: this build's URLs and routes, and the ledger so far. */
export interface LedgerInput {
  readonly published: readonly PublishedUrl[];
  readonly routes: DeclaredRoutes;
  readonly previous: Readonly<Record<string, LedgerEntry>>;
  /** The previous ledger's URLs that a deploy carried (see publishedUrlsOf): only these must survive. */
  readonly deployed: ReadonlySet<string>;
  /** The build's own files: a URL they serve still answers. */
  readonly space: OutputSpace;
  readonly config: SiteConfig;
  /** ISO 8601. */
  readonly now: string;
}

/** The new ledger, the URLs to answer with 410, and a `dropped-url` error for every URL this build would lose. */
export interface LedgerPlan {
  readonly urls: Record<string, LedgerEntry>;
  readonly gone: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Carries the URL ledger forward. Every URL a deploy ever carried keeps an entry: live,
 * redirect or gone. Such a URL, live or redirected, that this build neither serves nor
 * redirects nor declares gone is an error: old links to it would break. A URL that only
 * ever existed in local builds leaves the ledger without a word.
 */
export function planLedger(input: LedgerInput): LedgerPlan {
  const urls: Record<string, LedgerEntry> = {};
  const set = (url: string, entry: LedgerEntry): void => {
    urls[url] = keepSince(input.previous[url], entry);
  };
  for (const page of input.published) set(page.url, { status: "live", since: input.now });
  for (const redirect of input.routes.redirects) set(redirect.from, { status: "redirect", since: input.now, to: redirect.to });
  const gone = new Set(input.routes.gone);
  const diagnostics: Diagnostic[] = [];
  for (const [url, entry] of Object.entries(input.previous)) {
    if (Object.hasOwn(urls, url) || gone.has(url)) continue;
    const output = urlToOutputPath(url, input.config.basePath);
    if (output !== undefined && input.space.occupied(output)) set(url, { status: "live", since: input.now });
    else if (!input.deployed.has(url)) continue;
    else if (entry.status === "gone") gone.add(url);
    else diagnostics.push(droppedUrl(url, entry, input.config.basePath));
  }
  for (const url of gone) set(url, { status: "gone", since: input.now });
  return { urls, gone: [...gone].sort(), diagnostics };
}

/** An entry whose fate did not change keeps the date it took that fate. */
function keepSince(previous: LedgerEntry | undefined, next: LedgerEntry): LedgerEntry {
  if (!previous || previous.status !== next.status) return next;
  if (previous.status === "redirect" && next.status === "redirect" && previous.to !== next.to) return next;
  return { ...next, since: previous.since };
}

/**
 * The URL is named as aliases, redirects and gone take it (from the site root, without the
 * base path) in the message and the hint alike; the full path follows under a base path.
 */
function droppedUrl(url: string, entry: LedgerEntry, basePath: string): Diagnostic {
  const site = urlToSitePath(url, basePath) ?? url;
  const full = site === url ? "" : ` (${url} under the base path ${basePath})`;
  const was = entry.status === "redirect" ? `redirected to ${entry.to}` : "published";
  return error("dropped-url", `${site}${full} was ${was} by a deploy, and this build drops it: links to it would break`,
    "site.config.json", undefined,
    `add \`aliases: ${site}\` to the post that replaced it, or map it in site.config.json: ` +
      `"redirects": { "${site}": "/posts/new-slug/" }, or, if it was removed on purpose: "gone": ["${site}"]. ` +
      "If it never went live (the output was built by a daylight older than deploy tracking, or --previous names no live site), " +
      "remove the output folder and build again");
}
