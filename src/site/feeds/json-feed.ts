import type { SiteConfig } from "../../config/site-config.js";
import type { Rendering } from "../../model.js";
import { rfc3339, toFeedItems, type FeedItem } from "./feed-items.js";
import { feedUrl, siteFeedSpec, type FeedSpec } from "./feed-spec.js";
import { toXmlText } from "./xml-text.js";

/** A JSON Feed author object. */
interface JsonFeedAuthor {
  readonly name: string;
}

/** One item of a JSON Feed 1.1; absent fields are left out, never null. */
interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly content_html: string;
  readonly summary?: string;
  readonly date_published?: string;
  readonly date_modified?: string;
  readonly tags?: readonly string[];
  readonly authors?: readonly JsonFeedAuthor[];
}

/**
 * A JSON Feed 1.1 (https://jsonfeed.org/version/1.1; the site's, or a tag's with `spec`):
 * full HTML content with absolute URLs, item ids the permalinks. Keys in a fixed order,
 * two-space indent, a final newline: the same posts give the same bytes. `now` is unused
 * (JSON Feed has no feed date) and taken only so that the three feeds are called alike.
 */
export function renderJsonFeed(
  posts: readonly Rendering[],
  config: SiteConfig,
  _now: Date,
  spec: FeedSpec = siteFeedSpec(config),
): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(spec.title),
    home_page_url: spec.pageUrl,
    feed_url: feedUrl(spec, "json", config),
    ...optional("description", spec.description === "" ? undefined : clean(spec.description)),
    language: config.language,
    ...optional("authors", authors(config.author || undefined)),
    items: toFeedItems(posts, config).map(toJsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function toJsonItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.permalink,
    url: item.permalink,
    title: clean(item.title),
    content_html: clean(item.contentHtml),
    ...optional("summary", item.summary === "" ? undefined : clean(item.summary)),
    ...optional("date_published", item.published && rfc3339(item.published)),
    ...optional("date_modified", item.updated && rfc3339(item.updated)),
    ...optional("tags", item.tags.length === 0 ? undefined : item.tags.map(clean)),
    ...optional("authors", authors(item.author)),
  };
}

const authors = (name: string | undefined): JsonFeedAuthor[] | undefined =>
  name === undefined ? undefined : [{ name: clean(name) }];

/** `{ key: value }`, or nothing to spread when the value is absent: JSON Feed has no nulls. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

// The same text as the XML feeds give: readers that convert between formats see one thing.
const clean = toXmlText;
