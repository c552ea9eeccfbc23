import { buildAssetIndex, isPublicAsset } from "../assets/asset-index.js";
import type { BuildCache } from "../cache/build-cache.js";
import { lazyRenderer, type LazyRenderer } from "../cache/lazy-renderer.js";
import type { SitePlugins } from "../config/resolve-site-config.js";
import type { SiteConfig } from "../config/site-config.js";
import { parsePost } from "../content/parse-post.js";
import { hasErrors } from "../diagnostics.js";
import { applyRules } from "../rules/apply-rules.js";
import type { KeyedRenderer } from "../markdown/keyed-renderer.js";
import type { AssetIndex, RenderedPost, SourceFile } from "../model.js";
import type { SiteSources } from "../read/read-site.js";
import { collectBacklinks } from "../site/backlinks.js";
import type { HeadContext } from "../site/head-metadata.js";
import { toPostDataAt } from "../site/post-data.js";
import { checkPageSlugs } from "../site/reserved-slugs.js";
import { toSiteData } from "../site/site-data.js";
import { buildSiteNav, orderPages } from "../site/site-nav.js";
import { createTemplateRenderer, type TemplateRenderer } from "../site/template-renderer.js";
import { toPostPageData } from "../site/template-data.js";
import type { Theme } from "../site/read-theme.js";
import type { BuiltSite } from "./built-site.js";
import { replacePost } from "./post-index.js";
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
 * render, one template, whatever the number of posts. Undefined whenever that is not
 * certain to equal the whole build's page: another source changed too, the post has an
 * error, or its new slug is taken; the whole build then answers.
 */
export function createEditedPageRenderer(cache: BuildCache, now: Date): EditedPageRenderer {
  const kept = createKept(cache);
  return async (built, sources, path) => {
    const source = sources.posts.find((p) => p.path === path);
    if (source === undefined || !onlyPostChanged(built.sources, sources, source)) return undefined;
    const { config } = built;
    const parsed = parsePost(source, config, "post");
    if (parsed.post === undefined || hasErrors(parsed.diagnostics)) return undefined;
    const post = parsed.post;
    const index = replacePost(built.index, path, post);
    if (index === undefined) return undefined;

    const renderer = await kept.renderer(built.plugins);
    await (await kept.highlighting()).prepareHighlighting([post]);
    const pages = pagePathsOf(built.pages.map((page) => page.post), config.basePath);
    const context = { config, links: index.links, assets: kept.assets(sources.assets, config.basePath), pages };
    const rendered = renderThroughCache(cache.posts, post, context, renderer);
    // The site's rules decide, as in the whole build (a lowered broken-post-link does not stop it).
    if (hasErrors(applyRules(rendered.diagnostics, config.rules))) return undefined;

    const at = index.posts.indexOf(post);
    const around = [index.posts[at - 1], index.posts[at + 1]].map((p) => (p === undefined ? null : built.renders.get(p.source.path)));
    if (around.includes(undefined)) return undefined;
    const [newer, older] = around as Array<RenderedPost | null>;
    // Whatever links to this post's slug; collectBacklinks finds the same among these as among all.
    const referrers = [...(built.referrers.get(post.meta.slug) ?? [])].filter((p) => p !== path).map((p) => built.renders.get(p));
    if (referrers.includes(undefined)) return undefined;
    const backlinks = collectBacklinks([rendered, ...(referrers as RenderedPost[])], post.url);
    const window = [newer, rendered, older].filter((r): r is RenderedPost => r !== null);
    const data = toPostDataAt(window, window.indexOf(rendered), { config, now, backlinks });

    const page = toPostPageData(data, headContextOf(built.pages, config, index.tagged > 0, sources));
    const result = kept.templates(sources.theme, config, now).render("post", page);
    if (result.html === undefined || result.diagnostics.length > 0) return undefined;
    return { outputPath: `${post.url.slice(config.basePath.length)}index.html`, url: post.url, html: result.html };
  };
}

/** True when `next` is `previous` with only `source` read again: nothing else the page depends on moved. */
function onlyPostChanged(previous: SiteSources, next: SiteSources, source: SourceFile): boolean {
  if (previous.theme !== next.theme || previous.configSource !== next.configSource) return false;
  if (previous.assets !== next.assets || previous.pages !== next.pages || previous.posts.length !== next.posts.length) return false;
  return previous.posts.every((p, i) => p === next.posts[i] || (p.path === source.path && next.posts[i] === source));
}

/** The site-wide part of every page's data: navigation (pages, whether there are tags) and config. */
function headContextOf(pages: readonly RenderedPost[], config: SiteConfig, hasTags: boolean, sources: SiteSources): HeadContext {
  const ordered = orderPages(checkPageSlugs(pages).pages, config).ordered;
  const nav = buildSiteNav(ordered, config, { archive: true, tags: hasTags });
  const publicPaths = new Set(sources.assets.filter(isPublicAsset).map((asset) => asset.outputPath));
  return { config, site: toSiteData(config, nav.nav, hasTags, publicPaths) };
}

/**
 * One of each, kept while its inputs are the same objects: a template renderer parses its
 * templates on first use, the page cache digests the theme, a plugin renderer is made once.
 */
function createKept(cache: BuildCache) {
  let templates: { theme: Theme; config: SiteConfig; renderer: TemplateRenderer } | undefined;
  let assets: { assets: SiteSources["assets"]; basePath: string; index: AssetIndex } | undefined;
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
    async renderer(plugins: SitePlugins | undefined): Promise<KeyedRenderer> {
      if (renderer === undefined || renderer.plugins !== plugins) renderer = { plugins, lazy: lazyRenderer(plugins) };
      const lazy = await renderer.lazy;
      await lazy.load();
      return lazy.renderer;
    },
  };
}
