import { buildAssetIndex, isPublicAsset } from "../assets/asset-index.js";
import type { BuildCache } from "../cache/build-cache.js";
import { lazyRenderer, type LazyRenderer } from "../cache/lazy-renderer.js";
import type { SitePlugins } from "../config/resolve-site-config.js";
import type { BuildOptions, SiteConfig } from "../config/site-config.js";
import { placePost } from "../content/collect-posts.js";
import { replaceInLinkIndex } from "../content/link-index.js";
import { parsePost } from "../content/parse-post.js";
import { hasErrors } from "../diagnostics.js";
import { applyRules } from "../rules/apply-rules.js";
import type { KeyedRenderer } from "../markdown/keyed-renderer.js";
import type { AssetIndex, Post, RenderedPost, SourceFile } from "../model.js";
import type { SiteSources } from "../read/read-site.js";
import { assemblePostPage, type RememberedData } from "../site/assemble-site.js";
import { cardDesignOf } from "../site/head-metadata.js";
import { createTemplateRenderer, type TemplateRenderer } from "../site/template-renderer.js";
import type { Theme } from "../site/read-theme.js";
import type { BuiltSite } from "./built-site.js";
import { pagePathsOf } from "../urls/page-paths.js";
import { renderThroughCache } from "../workers/render-with-reads.js";

/** The page of one edited post, as the whole build will make it. */
export interface EditedPage {
  /** `posts/a/index.html`. */
  readonly outputPath: string;
  /** The post's URL, `/blog/posts/a/`. */
  readonly url: string;
  readonly html: string;
}

/** Renders edited posts' pages; holds what is worth keeping from one edit to the next. */
export type EditedPageRenderer = (built: BuiltSite, sources: SiteSources, path: string) => Promise<EditedPage | undefined>;

/**
 * Renders the page of the post at `path` after an edit, from `sources` (the last build's
 * with that one file read again) and what the last build left: one header parse, one
 * render, then the build's own post-page assembly given the post, its neighbours and what
 * links to it, whatever the number of posts. Undefined whenever that is not certain to
 * equal the whole build's page: another source changed too, the post has an error, or its
 * new slug or URL is taken; the whole build then answers. `options` are the dev build's.
 */
export function createEditedPageRenderer(cache: BuildCache, options: BuildOptions, remembered: RememberedData): EditedPageRenderer {
  const kept = createKept(cache);
  return async (built, sources, path) => {
    const source = sources.posts.find((p) => p.path === path);
    const previous = built.renders.get(path)?.post;
    if (source === undefined || previous === undefined || !onlyPostChanged(built.sources, sources, source)) return undefined;
    const { config } = built;
    const parsed = parsePost(source, config, "post");
    if (parsed.post === undefined || hasErrors(parsed.diagnostics)) return undefined;
    const post = parsed.post;
    // The build's order and link index with this post in place of its old self.
    const others = built.posts.filter((p) => p !== previous);
    const at = placePost(others, post, options);
    const links = replaceInLinkIndex(built.links, previous, post);
    if (at === undefined || links === undefined) return undefined;

    const renderer = await kept.renderer(built.plugins);
    await (await kept.highlighting()).prepareHighlighting([post]);
    const pages = pagePathsOf(built.pages.map((page) => page.post), config.basePath);
    const rendered = renderThroughCache(cache.posts, post, { config, links, assets: kept.assets(sources.assets, config.basePath), pages }, renderer);
    // The site's rules decide, as in the whole build (a lowered broken-post-link does not stop it).
    if (hasErrors(applyRules(rendered.diagnostics, config.rules))) return undefined;

    const input = {
      ...partOfSite(built, rendered, previous, others, at),
      pages: built.pages,
      config,
      renderer: kept.templates(sources.theme, config, options.now),
      now: options.now,
      publicPaths: kept.publicPaths(sources.assets),
      // The head names the post's social card as the whole build's does.
      cardDesign: cardDesignOf(sources.theme, config),
      remembered,
    };
    const { page, diagnostics } = assemblePostPage(input, post.url);
    if (page === undefined || hasErrors(applyRules(diagnostics, config.rules))) return undefined;
    return { outputPath: page.path, url: post.url, html: page.html };
  };
}

/**
 * What the edited post's page shows of the rest of the site: its neighbours at `at` among
 * `others` (the build's posts without its old self), what links to it, whether posts have tags.
 */
function partOfSite(built: BuiltSite, rendered: RenderedPost, previous: Post, others: readonly Post[], at: number) {
  const [newer, older] = [others[at - 1], others[at]].map((p) => p && built.renders.get(p.source.path));
  const { post } = rendered;
  return {
    posts: [newer, rendered, older].filter((r): r is RenderedPost => r !== undefined),
    // What links to its slug, but not its old self: its own links are the new rendering's.
    linking: (built.linking.get(post.meta.slug) ?? []).filter((r) => r.post !== previous),
    tagged: built.tagged - (previous.meta.tags.length > 0 ? 1 : 0) + (post.meta.tags.length > 0 ? 1 : 0) > 0,
  };
}

/** True when `next` is `previous` with only `source` read again: nothing else the page depends on moved. */
function onlyPostChanged(previous: SiteSources, next: SiteSources, source: SourceFile): boolean {
  if (previous.theme !== next.theme || previous.configSource !== next.configSource) return false;
  if (previous.assets !== next.assets || previous.pages !== next.pages || previous.posts.length !== next.posts.length) return false;
  return previous.posts.every((p, i) => p === next.posts[i] || (p.path === source.path && next.posts[i] === source));
}

/**
 * One of each, kept while its inputs are the same objects: a template renderer parses its
 * templates on first use, the page cache digests the theme, a plugin renderer is made once.
 */
function createKept(cache: BuildCache) {
  let templates: { theme: Theme; config: SiteConfig; renderer: TemplateRenderer } | undefined;
  let assets: { assets: SiteSources["assets"]; basePath: string; index: AssetIndex } | undefined;
  let publicPaths: { assets: SiteSources["assets"]; paths: ReadonlySet<string> } | undefined;
  let renderer: { plugins: SitePlugins | undefined; lazy: Promise<LazyRenderer> } | undefined;
  let highlighting: Promise<typeof import("../markdown/create-post-renderer.js")> | undefined;
  return {
    // Loaded on the first edit, not when the dev server starts; then no import() on later ones.
    highlighting: () => (highlighting ??= import("../markdown/create-post-renderer.js")),
    templates(theme: Theme, config: SiteConfig, now: Date): TemplateRenderer {
      if (templates?.theme !== theme || templates.config !== config) {
        templates = { theme, config, renderer: cache.pages.wrap(createTemplateRenderer(theme, config, now), theme, config) };
      }
      return templates.renderer;
    },
    assets(list: SiteSources["assets"], basePath: string): AssetIndex {
      if (assets?.assets !== list || assets.basePath !== basePath) assets = { assets: list, basePath, index: buildAssetIndex(list, basePath) };
      return assets.index;
    },
    publicPaths(list: SiteSources["assets"]): ReadonlySet<string> {
      if (publicPaths?.assets !== list) publicPaths = { assets: list, paths: new Set(list.filter(isPublicAsset).map((asset) => asset.outputPath)) };
      return publicPaths.paths;
    },
    async renderer(plugins: SitePlugins | undefined): Promise<KeyedRenderer> {
      if (renderer === undefined || renderer.plugins !== plugins) renderer = { plugins, lazy: lazyRenderer(plugins) };
      const lazy = await renderer.lazy;
      await lazy.load();
      return lazy.renderer;
    },
  };
}
