import { assetOutputFiles, buildAssetIndex } from "./assets/asset-index.js";
import type { BuildOptions, SiteConfig } from "./config/site-config.js";
import { collectPosts } from "./content/collect-posts.js";
import { buildLinkIndex } from "./content/link-index.js";
import { parsePost } from "./content/parse-post.js";
import { promoteWarnings, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { checkFragments } from "./markdown/check-fragments.js";
import { renderPost } from "./markdown/render-post.js";
import type { OutputFile } from "./model.js";
import { findOutputCollisions } from "./find-output-collisions.js";
import type { SiteSources } from "./read-site.js";
import { createRenderCache, type RenderCache } from "./render-cache.js";
import { createPageCache, type PageCache } from "./site/page-cache.js";
import { assembleSite } from "./site/assemble-site.js";
import { createTemplateRenderer } from "./site/template-renderer.js";

/** What a build produced: the files to write (when there are no errors) and every diagnostic. */
export interface BuildResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly postCount: number;
}

/** What a long-lived process (the dev server) keeps between builds: rendered posts and pages. */
export interface BuildCache {
  readonly posts: RenderCache;
  readonly pages: PageCache;
}

/** An empty in-memory BuildCache. */
export const createBuildCache = (): BuildCache => ({ posts: createRenderCache(), pages: createPageCache() });

/**
 * The recipe: sources and config in, files and diagnostics out. Touches no disk. With a
 * cache (the dev server keeps one), only posts whose inputs changed are rendered again.
 */
export function buildSite(
  sources: SiteSources,
  config: SiteConfig,
  options: BuildOptions,
  cache?: BuildCache,
): BuildResult {
  const parsed = sources.posts.map((source) => parsePost(source, config));
  const collected = collectPosts(parsed.flatMap((result) => (result.post ? [result.post] : [])), options);
  const links = buildLinkIndex(collected.posts);
  const assets = buildAssetIndex(sources.assets, config.basePath);
  const context = { config, links, assets };
  const rendered = collected.posts.map((post) =>
    cache ? cache.posts.render(post, context, renderPost) : renderPost(post, context),
  );
  const templates = createTemplateRenderer(sources.theme, config);
  const renderer = cache ? cache.pages.wrap(templates, sources.theme, config) : templates;
  const site = assembleSite({ posts: rendered, config, theme: sources.theme, renderer, now: options.now });
  const usedAssets = new Set(rendered.flatMap((post) => post.assets));
  const files = [...site.files, ...assetOutputFiles(sources.assets, usedAssets)];
  const diagnostics = [
    ...sources.diagnostics,
    ...parsed.flatMap((result) => result.diagnostics),
    ...collected.diagnostics,
    ...rendered.flatMap((post) => post.diagnostics),
    ...checkFragments(rendered, links),
    ...site.diagnostics,
    ...findOutputCollisions(files),
  ];
  cache?.posts.prune();
  cache?.pages.prune();
  return {
    files,
    diagnostics: sortDiagnostics(options.strict ? promoteWarnings(diagnostics) : diagnostics),
    postCount: rendered.length,
  };
}
