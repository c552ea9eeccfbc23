/**
 * `page`: what the page being rendered is, and everything its `<head>` says about it —
 * canonical URL, Open Graph, Twitter card, feeds, JSON-LD. Values are plain data; the theme's
 * head partial escapes them for their context, and `jsonLd` is already script-safe.
 */
import type { SiteConfig } from "../config/site-config.js";
import { mathStylesheetUrl } from "../assets/math-assets.js";
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
  const image = canonical === null ? null : post.imageUrl;
  const isPost = post.kind === "post";
  return {
    kind: post.kind,
    title: post.title,
    description: post.description || site.description,
    url: post.url,
    canonical,
    image,
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

const absolute = (url: string, config: SiteConfig): string | null =>
  config.url === undefined ? null : new URL(url, config.url).href;
