import path from "node:path";
import { buildSite, createBuildCache, warmUpRenderer } from "../build.js";
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
  /**
   * Rebuilds after `changes`. When they are one edit of one post, `early` first gets the
   * outcome of rebuilding just that post's page, so the open page updates before the lists,
   * feeds and tag pages are assembled; the whole build waits for what `early` returns.
   */
  rebuild(changes: readonly SiteChange[], early?: (outcome: BuildOutcome) => void | Promise<void>): Promise<BuildOutcome>;
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

  const options = { drafts: true, future: true, strict: false, now };
  // `before`: the output this build is compared with (for a rebuild that gave a quick answer
  // first, the output from before that answer, so the outcome tells every change once more).
  const build = async (changes: readonly SiteChange[], read = true, before = writer.files): Promise<BuildOutcome> => {
    const started = performance.now();
    let diagnostics: Diagnostic[];
    let config: SiteConfig | undefined;
    let postCount = 0;
    try {
      if (read && changes.length > 0) sources = await updateSources(sources, layout, changes);
      const resolved = resolveDevConfig(sources.configSource, origin);
      config = resolved.config;
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

  /** Just the edited post's page, from caches for everything else; undefined when that will not do. */
  const quickAnswer = async (changes: readonly SiteChange[]): Promise<BuildOutcome | undefined> => {
    const files = new Set(changes.map((c) => c.file));
    if (files.size !== 1 || changes.some((c) => c.kind !== "post" || c.event !== "change")) return undefined;
    const started = performance.now();
    try {
      sources = await updateSources(sources, layout, changes);
      const resolved = resolveDevConfig(sources.configSource, origin);
      const url = editedPostUrl(sources, layout, changes, resolved.config);
      if (url === undefined || hasErrors(resolved.diagnostics)) return undefined;
      const result = await buildSite(sources, resolved.config, options, { cache, plugins: resolved.plugins, only: url });
      const [page] = result.files;
      if (hasErrors(result.diagnostics) || result.files.length !== 1 || !page || !("contents" in page)) return undefined;
      if (typeof page.contents !== "string") return undefined;
      const before = writer.files;
      writer.patch([{ path: page.path, contents: page.contents }]);
      const changedUrls = changedPaths(before, writer.files).map((p) => urlOfOutputPath(p, basePath));
      return { ok: true, diagnostics: [], changedUrls, editedUrl: url, postCount: last.postCount, milliseconds: performance.now() - started };
    } catch {
      return undefined; // the whole build that follows reports whatever went wrong
    }
  };

  last = await build([]);
  // The first build may have rendered in worker threads: load this thread's renderer now,
  // in the background, rather than on the first edit.
  void warmUpRenderer(sources, resolveDevConfig(sources.configSource, origin).config).catch(() => undefined);
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
    async rebuild(changes, early) {
      const before = writer.files;
      const quick = early && last.ok ? await quickAnswer(changes) : undefined;
      // The whole build holds the event loop: let the browser fetch the quick page first.
      if (quick) await early?.(quick);
      last = await build(changes, quick === undefined, before);
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
