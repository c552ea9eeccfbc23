/**
 * The data every template gets: plain objects, every field always present (null when absent),
 * because the renderer runs with strictVariables. docs/templates.md documents each field.
 */
import type { SiteConfig } from "../config/site-config.js";
import type { RenderedPost } from "../model.js";
import type { Paginated } from "./paginate.js";
import { rssFeedPath } from "./feeds/rss-feed.js";

/** `site`: the site's configuration, as templates need it. */
export interface SiteData {
  readonly title: string;
  readonly description: string | null;
  readonly author: string | null;
  readonly language: string;
  /** Absolute site URL with a trailing slash; null in dev without one. */
  readonly url: string | null;
  /** `/` or `/blog/`: prefix of every site-absolute URL. */
  readonly basePath: string;
  /** Site-absolute URL of the RSS feed; null when no feed is written (no site URL). */
  readonly feedUrl: string | null;
}

export type PageKind = "index" | "post" | "404";

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
}

/** A neighbouring post, for previous/next links. */
export interface PostLinkData {
  readonly title: string;
  readonly url: string;
}

/** One entry of the Resources list; its anchor is `resource-<n>`. */
export interface ResourceData {
  readonly n: number;
  readonly author: string | null;
  readonly title: string;
  readonly url: string | null;
}

/** `post` (and each of `posts`): a rendered post. */
export interface PostData {
  readonly title: string;
  readonly slug: string;
  /** Site-absolute: `/blog/posts/<slug>/`. */
  readonly url: string;
  /** Absolute URL; null without a site URL. */
  readonly permalink: string | null;
  readonly published: Date | null;
  readonly updated: Date | null;
  readonly description: string;
  readonly tags: readonly string[];
  /** The post's author, else the site's; null when neither is known. */
  readonly author: string | null;
  readonly image: string | null;
  readonly draft: boolean;
  /** Header keys daylight does not know, lowercased, as written. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The body as trusted HTML (without Resources): output it with `| raw`. */
  readonly html: string;
  readonly resources: readonly ResourceData[];
  /** "Resources", "References"…; null when the post has no resource list. */
  readonly resourcesHeading: string | null;
  readonly headings: readonly { readonly depth: number; readonly id: string; readonly text: string }[];
  readonly readingMinutes: number;
  /** The next older post, or null. */
  readonly previous: PostLinkData | null;
  /** The next newer post, or null. */
  readonly next: PostLinkData | null;
}

/** `pagination` on index pages. */
export interface PaginationData {
  readonly pageNumber: number;
  readonly totalPages: number;
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
}

export interface IndexPageData {
  readonly site: SiteData;
  readonly page: PageData;
  readonly posts: readonly PostData[];
  readonly pagination: PaginationData;
}

export interface PostPageData {
  readonly site: SiteData;
  readonly page: PageData;
  readonly post: PostData;
}

export interface NotFoundPageData {
  readonly site: SiteData;
  readonly page: PageData;
}

const wordsPerMinute = 220;

/** `site` from the config. */
export function toSiteData(config: SiteConfig): SiteData {
  return {
    title: config.title,
    description: config.description || null,
    author: config.author || null,
    language: config.language,
    url: config.url ?? null,
    basePath: config.basePath,
    feedUrl: config.url === undefined ? null : `${config.basePath}${rssFeedPath}`,
  };
}

/** Every post's data, with its neighbours; `posts` must be newest first. */
export function toPostsData(posts: readonly RenderedPost[], config: SiteConfig): PostData[] {
  return posts.map((rendered, i) => toPostData(rendered, config, posts[i + 1], posts[i - 1]));
}

/** `post` for one rendered post; `older` and `newer` are its neighbours in date order. */
export function toPostData(rendered: RenderedPost, config: SiteConfig, older?: RenderedPost, newer?: RenderedPost): PostData {
  const { post } = rendered;
  const { meta } = post;
  return {
    title: meta.title,
    slug: meta.slug,
    url: post.url,
    permalink: absolute(post.url, config),
    published: meta.published ?? null,
    updated: meta.updated ?? null,
    description: rendered.description,
    tags: [...meta.tags],
    author: meta.author ?? (config.author || null),
    image: meta.image ?? null,
    draft: meta.draft,
    extra: { ...meta.extra },
    html: rendered.html,
    resources: rendered.resources.map((r) => ({ n: r.n, author: r.author ?? null, title: r.title, url: r.url ?? null })),
    resourcesHeading: rendered.resources.length > 0 ? (rendered.resourcesHeading ?? "Resources") : null,
    headings: rendered.headings.map((h) => ({ depth: h.depth, id: h.id, text: h.text })),
    readingMinutes: readingMinutes(rendered.html),
    previous: older ? { title: older.post.meta.title, url: older.post.url } : null,
    next: newer ? { title: newer.post.meta.title, url: newer.post.url } : null,
  };
}

/** Data for one page of the post list. */
export function toIndexPageData(page: Paginated<PostData>, config: SiteConfig): IndexPageData {
  const { pageNumber, totalPages, previousUrl, nextUrl } = page;
  return {
    site: toSiteData(config),
    page: pageData("index", pageNumber === 1 ? null : `Page ${pageNumber}`, config.description, page.url, config),
    posts: page.items,
    pagination: { pageNumber, totalPages, previousUrl, nextUrl },
  };
}

/** Data for a post's own page. */
export function toPostPageData(post: PostData, config: SiteConfig): PostPageData {
  return { site: toSiteData(config), page: pageData("post", post.title, post.description, post.url, config), post };
}

/** Data for the 404 page, which has no canonical URL: it is served in place of missing ones. */
export function toNotFoundPageData(config: SiteConfig): NotFoundPageData {
  const page = pageData("404", "Page not found", config.description, `${config.basePath}404.html`, config);
  return { site: toSiteData(config), page: { ...page, canonical: null } };
}

function pageData(kind: PageKind, title: string | null, description: string, url: string, config: SiteConfig): PageData {
  return { kind, title, description: description || null, url, canonical: absolute(url, config) };
}

const absolute = (url: string, config: SiteConfig): string | null =>
  config.url === undefined ? null : new URL(url, config.url).href;

/** Minutes to read the body at an unhurried pace; at least 1. */
function readingMinutes(html: string): number {
  const words = html.replace(/<[^>]*>/g, " ").split(/\s+/).filter((w) => w !== "").length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
