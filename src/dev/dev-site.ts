import { buildSite } from "../build-site.js";
import { createBuildCache } from "../cache/build-cache.js";
import type { ConfigSource } from "../config/config-source.js";
import { resolveSiteConfig, type ResolvedSiteConfig } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { searchPointerPath } from "../urls/generated-files.js";
import { createMemoryWriter } from "../output/memory-writer.js";
import { readSite, type SiteLayout, type SiteSources } from "../read/read-site.js";
import type { SiteChange } from "./classify-change.js";
import { editedPostUrl, internalError, type BuildOutcome, type QuickAnswer } from "./build-outcome.js";
import { createBuildHold, createTurns } from "./build-turns.js";
import { builtSiteOf, type BuiltSite } from "./built-site.js";
import { createEditedPageRenderer } from "./edited-page.js";
import { changedPaths, urlOfOutputPath } from "./output-diff.js";
import { createServedFiles } from "./served-files.js";
import { readEditedPost, readEditedPostNow, sourceKey, updateSources } from "./update-sources.js";
import { warmUpRenderer } from "./warm-up-renderer.js";
import { createRememberedData } from "../site/assemble-site.js";

/** The site as the dev server holds it: sources, render cache and the last good output, all in memory. */
export interface DevSite {
  /**
   * The last good output, `posts/a/index.html` → bytes, with the pages of quick answers given
   * since, and a running build's new pages and search index once it has made them.
   */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The base path of the current config (`/` or `/blog/`). */
  readonly basePath: string;
  /** The last whole build's outcome (the initial one's until a change arrives). */
  readonly last: BuildOutcome;
  /**
   * The page of a post just edited, rendered and put in `files` at once from what the last
   * build left, so the open page updates before the lists, feeds and tag pages are
   * assembled. Undefined when the change is not one post's edit or the page might differ
   * from the whole build's (which must follow: `rebuild` with the same change).
   */
  answerEdit(change: SiteChange): Promise<QuickAnswer | undefined>;
  /**
   * Pauses a whole build that is running (between two of its turns) until the next quick
   * answer is given, or for a short while: told at the first sign of a write to the site, so
   * that the watcher's work on it and the answer do not wait for the build's turns.
   */
  holdBuild(): void;
  /** Ends a hold at once: the write turned out to be no edit of a post (a quick answer ends its own). */
  releaseBuild(): void;
  /**
   * Rebuilds after `changes`; its outcome lists every output that changed since the last
   * whole build, quick answers included. With `early`, a single post edit is answered
   * quickly first, and the whole build waits for what `early` returns.
   */
  rebuild(changes: readonly SiteChange[], early?: (outcome: QuickAnswer) => void | Promise<void>): Promise<BuildOutcome>;
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
  let built: BuiltSite | undefined;
  const served = createServedFiles(writer.files);
  // Whole builds take turns, and so do quick answers; a quick answer does not wait for a
  // whole build (which gives the event loop a turn every few ms): the page of an edit is
  // served while the lists of the edit before are still being assembled.
  const builds = createTurns();
  const answers = createTurns();
  const hold = createBuildHold();

  const options = { drafts: true, future: true, strict: false, now };
  // The data derived from each unchanged post, kept from build to build. Measured (a rebuild
  // after a one-post edit, 1,000-post bench corpus, median CPU): 103 ms with the post data
  // kept, 191 ms without; 103 ms with the post pages' data kept, 147 ms without.
  const remembered = createRememberedData();
  const renderEditedPage = createEditedPageRenderer(cache, options, remembered);
  const build = async (changes: readonly SiteChange[]): Promise<BuildOutcome> => {
    const started = performance.now();
    // Compared with the output of the last whole build, so that the pages of quick answers given since are told once more.
    const before = writer.files;
    let diagnostics: Diagnostic[];
    let config: SiteConfig | undefined;
    let postCount = 0;
    const answersBefore = served.answers();
    // This build's sources: a quick answer given meanwhile reads its post into `sources` again.
    let read = sources;
    try {
      if (changes.length > 0) sources = read = await updateSources(sources, layout, changes);
      // Saves that changed no source since the last good build (a touch, a save undone) need no build.
      if (read === built?.sources && last.ok) return { ...last, changedUrls: [], editedUrl: undefined, milliseconds: performance.now() - started };
      const resolved = resolveDevConfig(read.configSource, origin);
      config = resolved.config;
      // A new post is found by search before the lists it shifts by one on every page are made again.
      const postsReady = (files: readonly OutputFile[]) => served.early(findableAhead(files, served.files));
      const result = await buildSite(read, config, options, { cache, plugins: resolved.plugins, turns: hold.turns, postsReady, remembered });
      diagnostics = sortDiagnostics([...resolved.diagnostics, ...result.diagnostics]);
      postCount = result.postCount;
      if (!hasErrors(diagnostics)) {
        // A turn for the event loop (and a held quick answer) between the build's last steps and the write.
        await hold.turns.between();
        await writer.write(result.files);
        served.reset(writer.files, answersBefore);
        built = builtSiteOf(built, { sources: read, config, plugins: resolved.plugins }, result.rendered);
      }
    } catch (e) {
      // Nothing the user types may stop the server: an unexpected failure is shown like any error.
      diagnostics = [internalError(e)];
    }
    const ok = !hasErrors(diagnostics);
    if (!ok) served.dropEarly();
    if (ok && config) basePath = config.basePath;
    return {
      ok,
      diagnostics,
      changedUrls: ok ? changedPaths(before, writer.files).map((p) => urlOfOutputPath(p, basePath)) : [],
      editedUrl: ok && config ? editedPostUrl(read, layout, changes, config) : undefined,
      postCount,
      milliseconds: performance.now() - started,
    };
  };

  const answerEdit = (change: SiteChange): Promise<QuickAnswer | undefined> => {
    if (change.kind !== "post" || change.event !== "change") return Promise.resolve(undefined);
    return answers.next(async () => {
      const key = sourceKey(layout, change.file);
      const started = performance.now();
      try {
        if (!last.ok || built === undefined || key === undefined) return undefined;
        const base = sources;
        let read = await readEditedPost(base, layout, change);
        // A whole build may have read other changes meanwhile: the post goes into its sources.
        if (read !== undefined && sources !== base) read = readEditedPostNow(sources, layout, change);
        if (read === undefined) return undefined;
        sources = read;
        const page = await renderEditedPage(built, read, key);
        const previous = built.renders.get(key)?.post;
        if (page === undefined || previous === undefined) return undefined;
        // A new URL whose output path is taken (a file in public/, say) is a collision the whole build reports.
        const moved = page.url !== previous.url;
        if (moved && served.files.has(page.outputPath)) return undefined;
        const changed = served.patch(page.outputPath, new TextEncoder().encode(page.html));
        return {
          ok: true,
          diagnostics: [],
          changedUrls: changed ? [urlOfOutputPath(page.outputPath, basePath)] : [],
          editedUrl: page.url,
          postCount: last.postCount,
          milliseconds: performance.now() - started,
          page,
        };
      } catch {
        return undefined; // the whole build that follows reports whatever went wrong
      } finally {
        // A whole build held for this answer goes on once the answer is out (its callbacks run first).
        setImmediate(hold.release);
      }
    });
  };

  last = await build([]);
  // The first build may have rendered in worker threads: load this thread's renderer now,
  // in the background, rather than on the first edit.
  void warmUpRenderer(sources, resolveDevConfig(sources.configSource, origin).config).catch(() => undefined);
  return {
    get files() {
      return served.files;
    },
    get basePath() {
      return basePath;
    },
    get last() {
      return last;
    },
    answerEdit,
    holdBuild: () => hold.hold(),
    releaseBuild: () => hold.release(),
    async rebuild(changes, early) {
      const [change, ...others] = changes;
      const quick = early && change && others.every((c) => c.file === change.file) ? await answerEdit(change) : undefined;
      if (quick) await early?.(quick);
      last = await builds.next(() => build(changes));
      return last;
    },
  };
}

/**
 * Of a running build's files, those served ahead of it: pages at paths nothing serves yet (a
 * new post's) and the search index (its files are new but for the pointer, which names them).
 * Pages that exist keep the last build's bytes, or a quick answer's, until the build is served.
 */
function findableAhead(files: readonly OutputFile[], served: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const ahead = new Map<string, Uint8Array>();
  for (const file of files) {
    if (!("contents" in file) || (served.has(file.path) && file.path !== searchPointerPath)) continue;
    ahead.set(file.path, typeof file.contents === "string" ? new TextEncoder().encode(file.contents) : file.contents);
  }
  return ahead;
}

/** The config with its url replaced by the dev server's origin, base path kept. */
function resolveDevConfig(source: ConfigSource | undefined, origin: string): ResolvedSiteConfig {
  const basePath = resolveSiteConfig(source).config.basePath;
  return resolveSiteConfig(source, new URL(basePath, origin).href);
}
