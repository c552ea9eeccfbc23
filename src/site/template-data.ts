/**
 * The data each template gets: `site` and `page` everywhere, plus what the page is about.
 * Plain objects, every field always present (null when absent), because the renderer runs
 * with strictVariables. docs/templates.md documents each field.
 */
import type { ArchiveEntry, ArchiveYear } from "./archive.js";
import { listingPageData, postPageData, type HeadContext, type PageData } from "./head-metadata.js";
import type { Paginated } from "./paginate.js";
import type { PostData } from "./post-data.js";
import { memoizeByIdentity, type VariantMemo } from "../memo/identity-memo.js";
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
export function toPostPageData(post: PostData, context: HeadContext, remembered?: VariantMemo<PostData, PostPageData>): PostPageData {
  const make = () => ({ site: context.site, page: postPageData(post, context), post });
  return remembered ? remembered.get(post, contextKeyOf(context), make) : make();
}

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
