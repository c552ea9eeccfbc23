import path from "node:path";
import { buildSite, createBuildCache } from "../build.js";
import type { ConfigSource } from "../config/config-source.js";
import { resolveSiteConfig, type ResolvedSiteConfig } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import { parsePost } from "../content/parse-post.js";
import { error, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { createMemoryWriter } from "../output/memory-writer.js";
import { readSite, type SiteLayout, type SiteSources } from "../read-site.js";
import type { SiteChange } from "./classify-change.js";
import { changedPaths, urlOfOutputPath } from "./output-diff.js";
import { updateSources } from "./update-sources.js";

/** What one (re)build did, as the terminal and the browser are told. */
export interface BuildOutcome {
  /** False when the build had errors: the previous good output is still served. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** URL paths whose bytes changed (added, changed, removed), `/blog/posts/a/` form. */
  readonly changedUrls: readonly string[];
  /** The page of the post just edited, when exactly one post was. */
  readonly editedUrl: string | undefined;
  readonly postCount: number;
  readonly milliseconds: number;
}

/** The site as the dev server holds it: sources, render cache and the last good output, all in memory. */
export interface DevSite {
  /** The last good output, `posts/a/index.html` → bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The base path of the current config (`/` or `/blog/`). */
  readonly basePath: string;
  /** The last build's outcome (the initial build's until a change arrives). */
  readonly last: BuildOutcome;
  rebuild(changes: readonly SiteChange[]): Promise<BuildOutcome>;
}

/**
 * Reads and builds the site with drafts and future posts, its URL set to the server's own
 * `origin` plus the config's base path (so canonical and feed links work locally).
 */
export async function createDevSite(layout: SiteLayout, origin: string, now: Date): Promise<DevSite> {
  const cache = createBuildCache();
  const writer = createMemoryWriter();
  let sources: SiteSources = await readSite(layout);
  let basePath = "/";
  let last: BuildOutcome;

  const build = async (changes: readonly SiteChange[]): Promise<BuildOutcome> => {
    const started = performance.now();
    const before = writer.files;
    let diagnostics: Diagnostic[];
    let config: SiteConfig | undefined;
    let postCount = 0;
    try {
      if (changes.length > 0) sources = await updateSources(sources, layout, changes);
      const resolved = resolveDevConfig(sources.configSource, origin);
      config = resolved.config;
      const options = { drafts: true, future: true, strict: false, now };
      const result = await buildSite(sources, config, options, { cache, plugins: resolved.plugins });
      diagnostics = sortDiagnostics([...resolved.diagnostics, ...result.diagnostics]);
      postCount = result.postCount;
      if (!hasErrors(diagnostics)) await writer.write(result.files);
    } catch (e) {
      // Nothing the user types may stop the server: an unexpected failure is shown like any error.
      diagnostics = [internalError(e)];
    }
    const ok = !hasErrors(diagnostics);
    if (ok && config) basePath = config.basePath;
    return {
      ok,
      diagnostics,
      changedUrls: ok ? changedPaths(before, writer.files).map((p) => urlOfOutputPath(p, basePath)) : [],
      editedUrl: ok && config ? editedPostUrl(sources, layout, changes, config) : undefined,
      postCount,
      milliseconds: performance.now() - started,
    };
  };

  last = await build([]);
  return {
    get files() {
      return writer.files;
    },
    get basePath() {
      return basePath;
    },
    get last() {
      return last;
    },
    async rebuild(changes) {
      last = await build(changes);
      return last;
    },
  };
}

/** The config with its url replaced by the dev server's origin, base path kept. */
export function resolveDevConfig(source: ConfigSource | undefined, origin: string): ResolvedSiteConfig {
  const basePath = resolveSiteConfig(source).config.basePath;
  return resolveSiteConfig(source, new URL(basePath, origin).href);
}

function editedPostUrl(sources: SiteSources, layout: SiteLayout, changes: readonly SiteChange[], config: SiteConfig): string | undefined {
  const edited = changes.filter((c) => c.kind === "post" && c.event !== "unlink");
  const keys = new Set(edited.map((c) => path.relative(path.resolve(layout.root), c.file).split(path.sep).join("/")));
  if (keys.size !== 1) return undefined;
  const [key] = keys;
  const source = sources.posts.find((p) => p.path === key);
  return source ? parsePost(source, config).post?.url : undefined;
}

function internalError(e: unknown): Diagnostic {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return error("internal-error", `the build failed unexpectedly: ${text}`, undefined, undefined,
    "this is a bug in daylight; the last good build is still served. Please report it.");
}
