import { assetOutputFiles, buildAssetIndex, isPublicAsset } from "./assets/asset-index.js";
import type { BuildOptions, SiteConfig } from "./config/site-config.js";
import { collectSources } from "./content/collect-sources.js";
import { buildLinkIndex } from "./content/link-index.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { applyRules } from "./rules/apply-rules.js";
import { linkProblemPlaces, withoutCascades } from "./content/link-cascades.js";
import { checkFragments } from "./markdown/check-fragments.js";
import { mathOutputFiles } from "./assets/math-assets.js";
import { lazyRenderer } from "./cache/lazy-renderer.js";
import type { BuildCache } from "./cache/build-cache.js";
import type { OutputFile, Post, Rendering, SourceFile } from "./model.js";
import { findOutputCollisions } from "./site/find-output-collisions.js";
import type { SitePlugins } from "./config/resolve-site-config.js";
import type { PublishedUrl } from "./generations/collect-redirects.js";
import type { SiteSources } from "./read/read-site.js";
import { assembleSiteInSteps, type RememberedData } from "./site/assemble-site.js";
import type { PageKeeper, UnchangedPage } from "./site/page-sink.js";
import { mapInSteps, stepRunner, type Turns } from "./timings/run-steps.js";
import { createTemplateRenderer } from "./site/template-renderer.js";
import { prepareRenders } from "./workers/prepare-renders.js";
import { timed, timedAsync } from "./timings/stage-timings.js";
import { imageVariantFiles } from "./images/variant-files.js";
import { socialCards } from "./images/social-cards.js";
import { cardDesignOf } from "./site/head-metadata.js";
import { pagePathsOf } from "./urls/page-paths.js";

/** What a build produced: the files to write (when there are no errors) and every diagnostic. */
export interface BuildResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly postCount: number;
  /**
   * The post and page URLs this build publishes for good, with their aliases: the URL ledger's
   * input. Drafts and scheduled posts (in --drafts / --future builds) are not promises yet.
   */
  readonly published: readonly PublishedUrl[];
  /**
   * Where (`file:line:column`) the stages reported a broken link or missing file, whatever
   * the rules made of it: the output check does not report the same link again.
   */
  readonly reportedLinks: ReadonlySet<string>;
  /** The rendering this build used for each published post (newest first) then page (the dev server's quick answers start from them). */
  readonly rendered: readonly Rendering[];
  /**
   * The earliest date after "now" that a post or page is dated: from then on the same sources
   * build differently (a scheduled post appears, or stops being marked scheduled).
   */
  readonly nextScheduled: Date | undefined;
}

/** What buildSite may be given besides the site: caches, plugins, and where what it makes waits (see output/writer.ts). */
export interface BuildSiteOptions {
  readonly cache?: BuildCache | undefined;
  readonly plugins?: SitePlugins | undefined;
  /** Render threads; undefined: one per core when there are many posts to render. */
  readonly threads?: number | undefined;
  /** Where each page goes as it is made (the writer's stage); without it, pages are held as text. */
  readonly stage?: PageKeeper | undefined;
  /** The last build's page made from the same key, taken as it is (see cache/page-ledger.ts). */
  readonly unchangedPage?: UnchangedPage | undefined;
  /** Where rendered HTML waits until its pages are made (the writer's park); without it, in memory. */
  readonly park?: ((text: string) => () => string) | undefined;
  /**
   * Told each source whose text the render step needs no more in memory: its post's rendering
   * is kept, or the post waits for a render thread, which is sent the text read back. A build
   * to disk parks the text then (output/parked-sources.ts).
   */
  readonly parkSource?: ((source: SourceFile) => void) | undefined;
  /** Told once every post is rendered (a build to disk parks the texts of the rest then). */
  readonly allRendered?: (() => void) | undefined;
  /** The cache folder, whose `images/` keeps encoded image variants; without it, this process keeps them. */
  readonly imageCacheDir?: string | undefined;
  /**
   * In a long-lived process (the dev server): the posts are looked up and the site assembled
   * in these turns, with the event loop running between them. Without them, at once.
   */
  readonly turns?: Turns | undefined;
  /**
   * Told the files made once every post's and page's own page and the search index are made
   * (see AssembleInput.postsReady), when nothing found so far is an error; not told otherwise.
   */
  readonly postsReady?: ((files: readonly OutputFile[]) => void) | undefined;
  /** What a long-lived process keeps from build to build of what it derived from unchanged posts (see AssembleInput). */
  readonly remembered?: RememberedData | undefined;
}

/**
 * The recipe: sources and config in, files and diagnostics out. Touches no disk itself. With
 * a cache (the dev server's in memory, the CLI's backed by its cache folder), only posts and
 * pages whose inputs changed are rendered again.
 * Async only to load the code highlighter's grammars before the (synchronous) renders.
 */
export async function buildSite(
  sources: SiteSources,
  config: SiteConfig,
  options: BuildOptions,
  { cache, plugins, threads, stage, unchangedPage, park, parkSource, allRendered, imageCacheDir, turns, postsReady, remembered }: BuildSiteOptions = {},
): Promise<BuildResult> {
  const inTurns = stepRunner(turns);
  const posts = timed("parse headers", () => collectSources(sources.posts, "post", config, options, cache?.headers));
  const pages = timed("parse headers", () => collectSources(sources.pages, "page", config, options, cache?.headers));
  const links = timed("link index", () => buildLinkIndex(posts.published));
  const context = { config, links, assets: buildAssetIndex(sources.assets, config.basePath), pages: pagePathsOf(pages.published, config.basePath) };
  const render = await prepareRenders([...posts.published, ...pages.published], context, await lazyRenderer(plugins), { cache: cache?.posts, threads, park, parkSource, inTurns });
  const renderedPosts = await inTurns("render posts", mapInSteps(posts.published, render));
  const renderedPages = await inTurns("render posts", mapInSteps(pages.published, render));
  const rendered = [...renderedPosts, ...renderedPages];
  allRendered?.();
  const renderDiagnostics = withoutCascades(rendered, posts.failed);
  const fragmentDiagnostics = timed("check fragments", () => checkFragments(rendered, links));
  const foundSoFar = [...sources.diagnostics, ...posts.diagnostics, ...pages.diagnostics, ...renderDiagnostics, ...fragmentDiagnostics];
  const settledSoFar = applyRules(foundSoFar, config.rules, options.strict);
  const cleanSoFar = !hasErrors(settledSoFar);
  const templates = createTemplateRenderer(sources.theme, config, options.now);
  const cardDesign = cardDesignOf(sources.theme, config);
  // Started before the site is assembled: card threads draw while this thread assembles.
  const drawingCards = socialCards(rendered, config, cardDesign, templates, imageCacheDir, threads === 0 ? 0 : undefined);
  drawingCards.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const assembly = assembleSiteInSteps({
    cardDesign,
    posts: renderedPosts,
    pages: renderedPages,
    config,
    theme: sources.theme,
    renderer: cache ? cache.pages.wrap(templates, sources.theme, config) : templates,
    texts: cache?.texts,
    keepPage: stage,
    unchangedPage,
    now: options.now,
    publicPaths: new Set(sources.assets.filter(isPublicAsset).map((asset) => asset.outputPath)),
    postsReady: cleanSoFar ? postsReady : undefined,
    remembered,
  });
  const site = await inTurns("assemble site", assembly);
  const usedAssets = new Set(rendered.flatMap((post) => post.assets));
  const variants = await timedAsync("image variants", () => imageVariantFiles(sources.assets, usedAssets, config.images, imageCacheDir));
  const cards = await timedAsync("social cards", () => drawingCards);
  await turns?.between();
  const files = [...site.files, ...assetOutputFiles(sources.assets, usedAssets), ...mathOutputFiles(rendered), ...variants.files, ...cards.files];
  const foundLater = [...site.diagnostics, ...variants.diagnostics, ...cards.diagnostics, ...findOutputCollisions(files)];
  cache?.posts.prune();
  cache?.pages.prune();
  cache?.texts.prune();
  return {
    files,
    diagnostics: sortDiagnostics([...settledSoFar, ...applyRules(foundLater, config.rules, options.strict)]),
    reportedLinks: linkProblemPlaces([...foundSoFar, ...foundLater]),
    rendered,
    postCount: renderedPosts.length,
    nextScheduled: earliestDate([...posts.scheduled, ...pages.scheduled]),
    published: rendered.filter((r) => isFinal(r.post, options.now)).map((r) => ({
      url: r.post.url,
      file: r.post.source.path,
      aliases: r.post.meta.aliases,
    })),
  };
}

function earliestDate(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((first, date) => (first === undefined || date.getTime() < first.getTime() ? date : first), undefined);
}

/** Published for good: not a draft, and (for a post) not dated after "now". */
function isFinal(post: Post, now: Date): boolean {
  if (post.meta.draft) return false;
  return post.kind === "page" || post.meta.published === undefined || post.meta.published.getTime() <= now.getTime();
}
