import type { SiteConfig } from "../config/site-config.js";
import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile, Rendering } from "../model.js";
import { groupByYear, toArchiveEntry } from "./archive.js";
import { backlinksInSteps, collectBacklinks } from "./backlinks.js";
import { siteFeedSpec } from "./feeds/feed-spec.js";
import type { HeadContext } from "./head-metadata.js";
import { paginate } from "./paginate.js";
import { postsDataInSteps, toPostData, toPostDataAt, type PostData } from "./post-data.js";
import type { Theme } from "./read-theme.js";
import { checkPageSlugs } from "./reserved-slugs.js";
import { checkPostUrls } from "./post-url-clashes.js";
import { feedTexts, robotsFiles, sitemapInSteps, type SitemapPage } from "./site-files.js";
import { buildSiteNav, orderPages } from "./site-nav.js";
import { toSiteData } from "./site-data.js";
import type { CardDesign } from "../images/plan-card.js";
import { buildTagIndex } from "./tag-index.js";
import { renderTagPages, type PageSink } from "./tag-pages.js";
import type { TemplateRenderer } from "./template-renderer.js";
import { toArchivePageData, toIndexPageData, toNotFoundPageData, toPostPageData, toSearchPageData, type PostPageData } from "./template-data.js";
import { createVariantMemo, type VariantMemo } from "../memo/identity-memo.js";
import { siteSearchInSteps } from "./search/site-search.js";
import { runSteps, timedSteps } from "../timings/run-steps.js";
import { timed } from "../timings/stage-timings.js";
import type { TextCache } from "../cache/text-cache.js";
import { createPageSink, type PageKeeper, type UnchangedPage } from "./page-sink.js";

/** The theme's search script: not published when the config turns search off. */
const searchScript = "assets/search.js";

/** What the site's pages are made from. */
export interface AssembleInput {
  /** The posts to publish, newest first (drafts only when the build includes them; they are marked). */
  readonly posts: readonly Rendering[];
  /** Standalone pages from pages/ (`post.kind` "page", URL `/<slug>/`), in any order. */
  readonly pages: readonly Rendering[];
  readonly config: SiteConfig;
  /** For its assets; its templates are the renderer's. */
  readonly theme: Theme;
  readonly renderer: TemplateRenderer;
  /** Where feeds and the sitemap are kept between builds; without one, every build renders them. */
  readonly texts?: TextCache | undefined;
  /** "Now" of the build: which posts are scheduled; the date of a feed without posts. */
  readonly now: Date;
  /** Output paths of the files copied from public/ (`robots.txt`): those the site does not generate. */
  readonly publicPaths: ReadonlySet<string>;
  /**
   * What becomes of a page (or a feed, the sitemap) once made: the writer's `stage` (a build
   * to disk stages it there, so that a large site's pages are never all in memory). By
   * default it is held as text.
   */
  readonly keepPage?: PageKeeper | undefined;
  /**
   * The page the last build made at a path from the same key, as an output file (the live
   * output's file: see cache/page-ledger.ts); undefined when there is none. Such a page is
   * not rendered again.
   */
  readonly unchangedPage?: UnchangedPage | undefined;
  /** How social cards look, when the site makes them: the heads of posts and pages name theirs. */
  readonly cardDesign?: CardDesign | undefined;
  /**
   * Told the files made so far once every post's and page's own page and the search index
   * are made, before the lists, tag pages, feeds and sitemap (the dev server serves a new
   * post's page and the index at once: see dev/dev-site.ts).
   */
  readonly postsReady?: ((files: readonly OutputFile[]) => void) | undefined;
  /** What a long-lived process keeps from build to build (see RememberedData); a build run once keeps nothing. */
  readonly remembered?: RememberedData | undefined;
}

/**
 * The data derived from each post whose Rendering is the very object of an earlier build (the
 * dev server's render cache hands it back), kept with what it was made for: the post's
 * template data, and its page's data (whose page-cache key is then known already).
 */
export interface RememberedData {
  readonly postData: VariantMemo<Rendering, PostData>;
  readonly pageData: VariantMemo<PostData, PostPageData>;
}

export const createRememberedData = (): RememberedData => ({ postData: createVariantMemo(), pageData: createVariantMemo() });

const holdAsText: PageKeeper = (path, html) => ({ path, contents: html });

/** The site's files, or the diagnostics (template errors, reserved slugs…) about them. */
export interface AssembledSite {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Lays out the site: the paginated post list, one page per post and per standalone page, the
 * tag list and tag pages, the archive, `404.html`, the theme's assets and — when the site URL
 * is known (they need absolute URLs) — feeds, sitemap.xml and robots.txt.
 */
export function assembleSite(input: AssembleInput): AssembledSite {
  return runSteps(assembleSiteInSteps(input));
}

/**
 * assembleSite, pausing after each page and each generated file: a long-lived process (the
 * dev server) gives the event loop a turn between steps (run-steps.ts), so that a request or
 * the quick answer to the next edit does not wait for a whole site's assembly.
 */
export function* assembleSiteInSteps(input: AssembleInput): Generator<void, AssembledSite, void> {
  const { config, now } = input;
  const sink = createPageSink(input.renderer, input.keepPage ?? holdAsText, { texts: input.texts, unchangedPage: input.unchangedPage });
  const { posts, pages, tags, context } = layOutSite(input, sink);
  yield;
  const dataContext = { config, now, backlinks: yield* backlinksInSteps([...posts, ...pages]), remembered: input.remembered?.postData };
  const postsData = yield* timedSteps("post data", postsDataInSteps(posts, dataContext));
  const dataOf = new Map(posts.map((p, i) => [p, postsData[i] as PostData]));
  yield;
  // Each post's and page's own page and the search index first: what a new post needs to be
  // read and found. The lists, which a new post shifts by one on every page, come after.
  for (const post of postsData) {
    renderPostPage(post, context, sink, input.remembered);
    yield;
  }
  for (const page of pages) {
    const data = toPostData(page, dataContext);
    sink.render("page", outputPathOf(data.url, config), toPostPageData(data, context));
    yield;
  }
  if (config.search) {
    sink.render("search", "search/index.html", toSearchPageData(context));
    yield* siteSearchInSteps(posts, pages, config, sink.search, input.texts);
  }
  input.postsReady?.(sink.files);
  yield;
  for (const page of paginate(postsData, config.postsPerPage, config.basePath)) {
    sink.render("index", page.outputPath, toIndexPageData(page, context));
    yield;
  }
  yield* renderTagPages(tags, dataOf, { ...context, now }, sink);
  sink.render("archive", "archive/index.html", toArchivePageData(groupByYear(postsData.map(toArchiveEntry), config.timezone), context));
  sink.render("404", "404.html", toNotFoundPageData(context));
  yield;
  if (config.url !== undefined) {
    sink.addTexts(feedTexts(posts, config, now, siteFeedSpec(config)));
    yield;
    const sitemap = yield* timedSteps("sitemap", sitemapInSteps(sitemapPages(posts, pages, tags, config), config));
    if (sitemap) timed("sitemap", () => sink.addTexts(sitemap));
    sink.add(robotsFiles(config, input.publicPaths));
  }
  for (const [name, asset] of input.theme.assets) if (config.search || name !== searchScript) sink.files.push(asset.file);
  return { files: sink.files, diagnostics: sink.diagnostics() };
}

/** What one post's page is made from: as assembleSite gets it, or only the part of the site the page shows. */
export interface PostPageInput extends Pick<AssembleInput, "pages" | "config" | "renderer" | "now" | "publicPaths" | "cardDesign" | "remembered"> {
  /**
   * Newest first: every post, or only the post between its neighbours in the whole site's
   * order (its newer one first, if any; its older one last, if any).
   */
  readonly posts: readonly Rendering[];
  /** When `posts` are not all: every other post or page whose links name the post's slug (more do no harm). */
  readonly linking?: readonly Rendering[];
  /** When `posts` are not all: whether a post of the site has tags (the navigation links Tags then). */
  readonly tagged?: boolean;
}

/**
 * The page of the post at `url`, made as assembleSite makes it, and the diagnostics about
 * the posts and pages given (no page when the post is not published at that URL). Given only
 * the post, its neighbours and what links to it, it makes the same page from a handful of
 * posts as from thousands: the dev server's quick answer to an edit, before the lists, tags
 * and feeds are assembled.
 */
export function assemblePostPage(input: PostPageInput, url: string): { page?: { path: string; html: string }; diagnostics: Diagnostic[] } {
  const { config, now } = input;
  const sink = createPageSink(input.renderer, holdAsText);
  const { posts, pages, context } = layOutSite(input, sink);
  const at = posts.findIndex((p) => p.post.url === url);
  if (at !== -1) {
    // Backlinks to this post alone: one pass over the links, not a sorted list for every post.
    const backlinks = collectBacklinks([...posts, ...pages, ...(input.linking ?? [])], url);
    renderPostPage(toPostDataAt(posts, at, { config, now, backlinks, remembered: input.remembered?.postData }), context, sink, input.remembered);
  }
  const [file] = sink.files as Array<{ path: string; contents: string }>; // holdAsText's
  return { page: file && { path: file.path, html: file.contents }, diagnostics: sink.diagnostics() };
}

/** The page of one post: the same for assembleSite's every post and assemblePostPage's one. */
function renderPostPage(post: PostData, context: HeadContext, sink: PageSink, remembered: RememberedData | undefined): void {
  sink.render("post", outputPathOf(post.url, context.config), toPostPageData(post, context, remembered?.pageData));
}

/**
 * What every page depends on beyond its own post: the pages in navigation order, the posts
 * whose URL is free, the tags (of the posts given), and the head context (navigation, site
 * data). Their diagnostics go to `sink`.
 */
function layOutSite(input: PostPageInput, sink: { report(d: readonly Diagnostic[]): void }) {
  const { config } = input;
  const checked = checkPageSlugs(input.pages, config);
  const pages = orderPages(checked.pages, config).ordered;
  const { posts, diagnostics } = checkPostUrls(input.posts, pages, config);
  const tagIndex = buildTagIndex(posts, config.language);
  const hasTags = input.tagged ?? tagIndex.tags.length > 0;
  const nav = buildSiteNav(pages, config, { archive: true, tags: hasTags });
  sink.report([...checked.diagnostics, ...diagnostics, ...tagIndex.diagnostics, ...nav.diagnostics]);
  const context: HeadContext = { config, site: toSiteData(config, nav.nav, hasTags, input.publicPaths), cardDesign: input.cardDesign };
  return { posts, pages, tags: tagIndex.tags, context };
}

/**
 * Home, posts, pages, archive and tag pages: first pages only (later ones are for browsing,
 * not search), and no drafts (a --drafts build is a preview, not for crawlers).
 */
function sitemapPages(
  posts: readonly Rendering[],
  pages: readonly Rendering[],
  tags: readonly { slug: string; posts: readonly Rendering[] }[],
  config: SiteConfig,
): SitemapPage[] {
  const { basePath } = config;
  const published = (p: Rendering) => !p.post.meta.draft;
  return [
    { url: basePath, posts },
    ...posts.filter(published).map((p) => ({ url: p.post.url, posts: [p] })),
    ...pages.filter(published).map((p) => ({ url: p.post.url, posts: [p] })),
    { url: `${basePath}archive/`, posts },
    ...(tags.length > 0 ? [{ url: `${basePath}tags/`, posts: tags.flatMap((t) => t.posts) }] : []),
    ...tags.map((t) => ({ url: `${basePath}tags/${t.slug}/`, posts: t.posts })),
  ];
}

/** `/blog/posts/a/` → `posts/a/index.html`: the file a static host serves for that URL. */
function outputPathOf(url: string, config: SiteConfig): string {
  if (!url.startsWith(config.basePath) || !url.endsWith("/")) throw new Error(`${url} is not a folder URL below ${config.basePath}`);
  return `${url.slice(config.basePath.length)}index.html`;
}
