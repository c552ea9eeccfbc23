import type { SiteConfig } from "../config/site-config.js";
import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile, RenderedPost } from "../model.js";
import { paginate } from "./paginate.js";
import type { Theme } from "./read-theme.js";
import { renderRssFeed, rssFeedPath } from "./feeds/rss-feed.js";
import type { TemplateRenderer } from "./template-renderer.js";
import { toIndexPageData, toNotFoundPageData, toPostPageData, toPostsData } from "./template-data.js";

/** What the site's pages are made from. */
export interface AssembleInput {
  /** The posts to publish, newest first (drafts only when the build includes them; they are marked). */
  readonly posts: readonly RenderedPost[];
  readonly config: SiteConfig;
  /** For its assets; its templates are the renderer's. */
  readonly theme: Theme;
  readonly renderer: TemplateRenderer;
  /** Only the feed of a site without posts needs it. */
  readonly now: Date;
}

/** The site's files, or the template errors that kept some of them from being made. */
export interface AssembledSite {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Lays out the site: the paginated post list (`index.html`, `page/2/index.html`…), one page per
 * post (`posts/<slug>/index.html`), `404.html`, `feed.xml` (when the site URL is known: a feed
 * needs absolute URLs) and the theme's assets.
 */
export function assembleSite(input: AssembleInput): AssembledSite {
  const { posts, config, renderer } = input;
  const files: OutputFile[] = [];
  const diagnostics = new Map<string, Diagnostic>();
  const renderInto = (template: string, outputPath: string, data: object) => {
    const result = renderer.render(template, data);
    // The same template fault shows up on every page that uses it; report it once.
    for (const d of result.diagnostics) diagnostics.set(JSON.stringify([d.file, d.line, d.column, d.message]), d);
    if (result.html !== undefined) files.push({ path: outputPath, contents: result.html });
  };

  const postsData = toPostsData(posts, config);
  for (const page of paginate(postsData, config.postsPerPage, config.basePath)) {
    renderInto("index", page.outputPath, toIndexPageData(page, config));
  }
  for (const post of postsData) {
    renderInto("post", outputPathOf(post.url, post.slug, config), toPostPageData(post, config));
  }
  renderInto("404", "404.html", toNotFoundPageData(config));
  if (config.url !== undefined) files.push({ path: rssFeedPath, contents: renderRssFeed(posts, config, input.now) });
  for (const [path, sourcePath] of input.theme.assets) files.push({ path, sourcePath });
  return { files, diagnostics: [...diagnostics.values()] };
}

/** `/blog/posts/a/` → `posts/a/index.html`: the file a static host serves for that URL. */
function outputPathOf(url: string, slug: string, config: SiteConfig): string {
  const inSite = url.startsWith(config.basePath) && url.endsWith("/");
  return inSite ? `${url.slice(config.basePath.length)}index.html` : `posts/${slug}/index.html`;
}
