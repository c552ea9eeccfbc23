/** The Eleventy copy's archive, tag pages (paginated), per-tag RSS feeds and sitemap, as daylight renders them. */
import { SITE } from "./site.mjs";

const ABS = SITE.url.slice(0, -1);

/** One RSS item for `post`, the same in the site's feed and each tag's. */
export const RSS_ITEM = `<item>
<title>{{ post.data.title | escape }}</title>
<link>${ABS}{{ post.url }}</link>
<guid>${ABS}{{ post.url }}</guid>
<pubDate>{{ post.date | date: '%a, %d %b %Y %H:%M:%S +0000' }}</pubDate>
<description>{{ post.templateContent | escape }}</description>
</item>`;

export const ARCHIVE = `---
layout: base.liquid
permalink: archive/index.html
title: Archive
---
<h1>Archive</h1>
<ul>
{%- for post in collections.posts reversed %}
<li><time>{{ post.date | date: '%Y-%m-%d' }}</time> <a href="{{ post.url }}">{{ post.data.title }}</a></li>
{%- endfor %}
</ul>
`;

export const TAGS_INDEX = `---
layout: base.liquid
permalink: tags/index.html
title: Tags
---
<h1>Tags</h1>
<ul>
{%- for feed in collections.tagFeeds %}
<li><a href="/tags/{{ feed.tag }}/">{{ feed.tag }}</a> ({{ feed.count }})</li>
{%- endfor %}
</ul>
`;

export const TAG_PAGE = `---
layout: base.liquid
pagination:
  data: collections.tagPages
  size: 1
  alias: tp
permalink: "tags/{{ tp.tag }}/{% if tp.number > 0 %}page/{{ tp.number | plus: 1 }}/{% endif %}index.html"
eleventyComputed:
  title: "Posts tagged {{ tp.tag }}"
---
<h1>Posts tagged {{ tp.tag }}</h1>
{%- for post in tp.posts %}
{% include "summary.liquid" %}
{%- endfor %}
`;

export const TAG_FEED = `---
pagination:
  data: collections.tagFeeds
  size: 1
  alias: tf
permalink: "tags/{{ tf.tag }}/feed.xml"
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>${SITE.title}: {{ tf.tag }}</title>
<link>${ABS}/tags/{{ tf.tag }}/</link>
<description>Posts tagged {{ tf.tag }}</description>
{%- for post in tf.posts %}
${RSS_ITEM}
{%- endfor %}
</channel>
</rss>
`;

export const SITEMAP = `---
permalink: sitemap.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{%- for item in collections.all %}
<url><loc>${ABS}{{ item.url }}</loc><lastmod>{{ item.date | date: '%Y-%m-%d' }}</lastmod></url>
{%- endfor %}
</urlset>
`;

/** The Eleventy config: a date-sorted `posts` collection plus per-tag page chunks and feeds. */
export const CONFIG = `function byTag(api) {
  const tags = new Map();
  for (const post of api.getFilteredByGlob("posts/**/*.md").reverse()) {
    for (const tag of post.data.tags ?? []) tags.set(tag, [...(tags.get(tag) ?? []), post]);
  }
  return [...tags].sort(([a], [b]) => a.localeCompare(b));
}

export default function (eleventyConfig) {
  // Sorted by date, oldest first (Eleventy's collection order).
  eleventyConfig.addCollection("posts", (api) => api.getFilteredByGlob("posts/**/*.md"));
  eleventyConfig.addCollection("tagPages", (api) =>
    byTag(api).flatMap(([tag, posts]) =>
      Array.from({ length: Math.ceil(posts.length / 10) }, (_, number) => ({ tag, number, posts: posts.slice(number * 10, number * 10 + 10) })),
    ),
  );
  eleventyConfig.addCollection("tagFeeds", (api) =>
    byTag(api).map(([tag, posts]) => ({ tag, count: posts.length, posts: posts.slice(0, 20) })),
  );
  eleventyConfig.addPassthroughCopy("assets");
  return { dir: { input: ".", includes: "_includes" } };
}
`;
