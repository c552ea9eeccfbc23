/**
 * `page`: what the page being rendered is, and everything its `<head>` says about it —
 * canonical URL, Open Graph, Twitter card, feeds, JSON-LD. Values are plain data; the theme's
 * head partial escapes them for their context, and `jsonLd` is already script-safe.
 */
import type { SiteConfig } from "../config/site-config.js";
import { mathStylesheetUrl } from "../assets/math-assets.js";
import { cardDesign } from "../images/card-design.js";
import { cardHeight, cardWidth, planCard, type CardDesign } from "../images/plan-card.js";
import type { Theme } from "./read-theme.js";
import { blogJsonLd, blogPostingJsonLd } from "./json-ld.js";
import type { PostData } from "./post-data.js";
import type { FeedLink, SiteData } from "./site-data.js";

/** Which template a page comes from. */
export type PageKind = "index" | "post" | "page" | "tags" | "tag" | "archive" | "search" | "404";

/** Open Graph's `article:*` facts, on post pages. */
export interface ArticleData {
  readonly published: Date | null;
  readonly modified: Date | null;
  readonly tags: readonly string[];
}

/** `page`: what the page being rendered is. */
export interface PageData {
  readonly kind: PageKind;
  /** The page's own title (post title, "Page 2"); null on the home page, which uses the site's. */
  readonly title: string | null;
  readonly description: string | null;
  /** Site-absolute URL of this page. */
  readonly url: string;
  /** Absolute URL for `<link rel="canonical">`; null without a site URL, and on the 404 page. */
  readonly canonical: string | null;
  /** Absolute URL for `og:image` / `twitter:image`; null without an image or a site URL. */
  readonly image: string | null;
  /** The image's size in pixels and its text, when daylight made it (a social card); else null. */
  readonly imageWidth: number | null;
  readonly imageHeight: number | null;
  readonly imageAlt: string | null;
  /** On post pages (og:type `article`); null elsewhere (og:type `website`). */
  readonly article: ArticleData | null;
  /** Feeds for `<link rel="alternate">`: a tag page's own feeds first, then the site's. */
  readonly feeds: readonly FeedLink[];
  /** Script-safe JSON-LD (BlogPosting on posts, Blog on the home page): output with `| raw`. */
  readonly jsonLd: string | null;
  /** URLs of stylesheets this page needs besides the theme's: KaTeX's, when it shows a formula. */
  readonly stylesheets: readonly string[];
}

/** What every page's head needs from the site. */
export interface HeadContext {
  readonly config: SiteConfig;
  readonly site: SiteData;
  /** How social cards look, when the site makes them (`"cards": true`). */
  readonly cardDesign?: CardDesign | undefined;
}

/** `page` for a listing or other generated page (index, tags, tag, archive, 404). */
export function listingPageData(
  kind: Exclude<PageKind, "post" | "page">,
  title: string | null,
  description: string | null,
  url: string,
  context: HeadContext,
  extraFeeds: readonly FeedLink[] = [],
  listed: readonly PostData[] = [],
): PageData {
  const { config, site } = context;
  const canonical = kind === "404" ? null : absolute(url, config);
  const isHome = kind === "index" && url === config.basePath;
  return {
    kind, title, description: description || site.description, url, canonical,
    image: null,
    imageWidth: null,
    imageHeight: null,
    imageAlt: null,
    article: null,
    feeds: [...extraFeeds, ...site.feeds],
    jsonLd: isHome && canonical !== null
      ? blogJsonLd({ name: config.title, description: config.description, url: canonical, author: site.author, language: config.language })
      : null,
    stylesheets: listed.some((post) => post.excerptHtml?.includes('<span class="katex">')) ? [mathStylesheetUrl(config.basePath)] : [],
  };
}

/** `page` for a post's or a standalone page's own page. */
export function postPageData(post: PostData, context: HeadContext): PageData {
  const { config, site } = context;
  const canonical = absolute(post.url, config);
  const card = post.image === null && context.cardDesign !== undefined && canonical !== null
    ? planCard(post, config.title, context.cardDesign)
    : undefined;
  const image = canonical === null ? null : card === undefined ? post.imageUrl : absolute(config.basePath + card.path, config);
  const isPost = post.kind === "post";
  return {
    kind: post.kind,
    title: post.title,
    description: post.description || site.description,
    url: post.url,
    canonical,
    image,
    imageWidth: card === undefined ? null : cardWidth,
    imageHeight: card === undefined ? null : cardHeight,
    imageAlt: card?.alt ?? null,
    article: isPost ? { published: post.published, modified: post.updated ?? post.published, tags: post.tags } : null,
    feeds: site.feeds,
    jsonLd: isPost && canonical !== null && site.url !== null
      ? blogPostingJsonLd(
        {
          title: post.title, description: post.description, url: canonical, published: post.published,
          modified: post.updated, author: post.author, image, tags: post.tags, language: config.language,
        },
        { name: config.title, url: site.url },
      )
      : null,
    stylesheets: post.math ? [mathStylesheetUrl(config.basePath)] : [],
  };
}

/** How the site's social cards look: its card template and theme colours; undefined unless `"cards": true`. */
export function cardDesignOf(theme: Theme, config: SiteConfig): CardDesign | undefined {
  const template = theme.templates.get("og-card.liquid");
  if (!config.cards || template === undefined) return undefined;
  const sheets = ["assets/style.css", "assets/custom.css"].flatMap((name) => {
    const file = theme.assets.get(name)?.file;
    return file !== undefined && "contents" in file ? [String(file.contents)] : [];
  });
  return cardDesign(template.text, sheets, config);
}

const absolute = (url: string, config: SiteConfig): string | null =>
  config.url === undefined ? null : new URL(url, config.url).href;
