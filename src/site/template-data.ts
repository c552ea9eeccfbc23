/**
 * The data each template gets: `site` and `page` everywhere, plus what the page is about.
 * Plain objects, every field always present (null when absent), because the renderer runs
 * with strictVariables. docs/templates.md documents each field.
 */
import type { ArchiveEntry, ArchiveYear } from "./archive.js";
import { listingPageData, postPageData, type HeadContext, type PageData } from "./head-metadata.js";
import type { Paginated } from "./paginate.js";
import type { PostData } from "./post-data.js";
import { memoizeByIdentity } from "../memo/identity-memo.js";
import { feedLinks, type FeedLink, type SiteData } from "./site-data.js";

/** `pagination` on paginated lists (index, tag pages). */
export interface PaginationData {
  readonly pageNumber: number;
  readonly totalPages: number;
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
}

/** `tag` on a tag page, and each entry of `tags` on the tag list. */
export interface TagData {
  readonly name: string;
  readonly slug: string;
  /** Site-absolute: `/blog/tags/<slug>/`. */
  readonly url: string;
  /** How many posts carry it. */
  readonly count: number;
  /** The tag's own feeds; empty without a site URL. */
  readonly feeds: readonly FeedLink[];
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

export interface TagsPageData {
  readonly site: SiteData;
  readonly page: PageData;
  readonly tags: readonly TagData[];
}

export interface TagPageData extends IndexPageData {
  readonly tag: TagData;
}

export interface ArchivePageData {
  readonly site: SiteData;
  readonly page: PageData;
  readonly archive: readonly ArchiveYear<ArchiveEntry>[];
}

export interface NotFoundPageData {
  readonly site: SiteData;
  readonly page: PageData;
}

const paginationOf = ({ pageNumber, totalPages, previousUrl, nextUrl }: Paginated<unknown>): PaginationData =>
  ({ pageNumber, totalPages, previousUrl, nextUrl });

/** Data for one page of the post list. */
export function toIndexPageData(page: Paginated<PostData>, context: HeadContext): IndexPageData {
  const title = page.pageNumber === 1 ? null : `Page ${page.pageNumber}`;
  return {
    site: context.site,
    page: listingPageData("index", title, context.config.description, page.url, context, [], page.items),
    posts: page.items,
    pagination: paginationOf(page),
  };
}

/** Data for a post's own page, or a standalone page's (`page.kind` says which). */
export function toPostPageData(post: PostData, context: HeadContext): PostPageData {
  // The same post data in the same context (a dev rebuild that did not touch it) gives the
  // same object back, whose page-cache key is then known already. Measured (a dev rebuild
  // after a one-post edit, 1,000-post bench corpus, median CPU): 103 ms with, 147 ms without;
  // and the context's JSON made once per context object, not per page: 129 ms with, 146 without.
  const contextKey = contextKeyOf(context);
  const last = rememberedPages.get(post);
  if (last?.contextKey === contextKey) return last.data;
  const data = { site: context.site, page: postPageData(post, context), post };
  rememberedPages.set(post, { contextKey, data });
  return data;
}

const rememberedPages = new WeakMap<PostData, { contextKey: string; data: PostPageData }>();
const contextKeyOf = memoizeByIdentity((context: HeadContext) => JSON.stringify(context));

/** `tag` for a tag with `count` posts. */
export function toTagData(name: string, slug: string, count: number, context: HeadContext): TagData {
  const folder = `tags/${slug}/`;
  return { name, slug, url: `${context.config.basePath}${folder}`, count, feeds: feedLinks(context.config, folder, `${context.config.title}: ${name}`) };
}

/** Data for the list of every tag. */
export function toTagsPageData(tags: readonly TagData[], context: HeadContext): TagsPageData {
  const url = `${context.config.basePath}tags/`;
  return { site: context.site, page: listingPageData("tags", "Tags", `All tags of ${context.config.title}`, url, context), tags };
}

/** Data for one page of a tag's posts. */
export function toTagPageData(tag: TagData, page: Paginated<PostData>, context: HeadContext): TagPageData {
  const title = page.pageNumber === 1 ? `Tagged “${tag.name}”` : `Tagged “${tag.name}”, page ${page.pageNumber}`;
  return {
    site: context.site,
    page: listingPageData("tag", title, `Posts tagged “${tag.name}”`, page.url, context, tag.feeds, page.items),
    tag,
    posts: page.items,
    pagination: paginationOf(page),
  };
}

/** Data for the archive: every post, grouped by year. */
export function toArchivePageData(archive: readonly ArchiveYear<ArchiveEntry>[], context: HeadContext): ArchivePageData {
  const url = `${context.config.basePath}archive/`;
  return { site: context.site, page: listingPageData("archive", "Archive", `Every post of ${context.config.title}, by year`, url, context), archive };
}

/** Data for the search page (the theme's script fills it; without JavaScript it says so). */
export function toSearchPageData(context: HeadContext): NotFoundPageData {
  const url = `${context.config.basePath}search/`;
  return { site: context.site, page: listingPageData("search", "Search", `Search ${context.config.title}`, url, context) };
}

/** Data for the 404 page, which has no canonical URL: it is served in place of missing ones. */
export function toNotFoundPageData(context: HeadContext): NotFoundPageData {
  const url = `${context.config.basePath}404.html`;
  return { site: context.site, page: listingPageData("404", "Page not found", context.config.description, url, context) };
}
