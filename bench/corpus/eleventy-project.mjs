/** The fixed files of the Eleventy copy: config, Liquid layouts, paginated index, feeds, listings, 404. */
import { SITE, STYLE_CSS } from "./site.mjs";
import { ARCHIVE, CONFIG, RSS_ITEM, SITEMAP, TAG_FEED, TAG_PAGE, TAGS_INDEX } from "./eleventy-listings.mjs";

const BASE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if title %}{{ title }} · {% endif %}${SITE.title}</title>
<meta name="description" content="{{ description | default: '${SITE.description}' }}">
<link rel="canonical" href="${SITE.url.slice(0, -1)}{{ page.url }}">
<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="${SITE.title}">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header><a href="/">${SITE.title}</a></header>
<main id="main">
{{ content }}
</main>
<footer><p>© ${SITE.author}</p></footer>
</body>
</html>
`;

const POST = `---
layout: base.liquid
---
{%- assign older = collections.posts | getPreviousCollectionItem: page -%}
{%- assign newer = collections.posts | getNextCollectionItem: page -%}
<article>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date | date: '%Y-%m-%dT%H:%M:%SZ' }}">{{ page.date | date: '%B %-d, %Y' }}</time></p>
{{ content }}
<ul class="tags">{% for tag in tags %}<li>{{ tag }}</li>{% endfor %}</ul>
</article>
<nav aria-label="More posts">
{%- if older %}<a rel="prev" href="{{ older.url }}">Older: {{ older.data.title }}</a>{% endif %}
{%- if newer %}<a rel="next" href="{{ newer.url }}">Newer: {{ newer.data.title }}</a>{% endif %}
</nav>
`;

/** One entry of a post list (the variable `post`): the index and tag pages share it. */
const SUMMARY = `<article>
<h2><a href="{{ post.url }}">{{ post.data.title }}</a></h2>
<p><time>{{ post.date | date: '%B %-d, %Y' }}</time></p>
{%- if post.data.description %}<p>{{ post.data.description }}</p>{% endif %}
</article>
`;

const INDEX = `---
layout: base.liquid
pagination:
  data: collections.posts
  size: 10
  reverse: true
  alias: posts
permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber | plus: 1 }}/{% endif %}index.html"
---
<h1>Latest posts</h1>
{%- for post in posts %}
{% include "summary.liquid" %}
{%- endfor %}
<nav aria-label="Pages">
{%- if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Newer</a>{% endif %}
{%- if pagination.href.next %}<a href="{{ pagination.href.next }}">Older</a>{% endif %}
</nav>
`;

const FEED = `---
permalink: feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>${SITE.title}</title>
<link>${SITE.url}</link>
<description>${SITE.description}</description>
{%- assign newest = collections.posts | reverse %}
{%- for post in newest limit: 20 %}
${RSS_ITEM}
{%- endfor %}
</channel>
</rss>
`;

const NOT_FOUND = `---
layout: base.liquid
permalink: 404.html
title: Not found
---
<h1>Not found</h1>
<p><a href="/">Back to the posts</a></p>
`;

/** Relative path → content of every non-post file of the Eleventy project. */
export const ELEVENTY_FILES = {
  "eleventy.config.mjs": CONFIG,
  "_includes/base.liquid": BASE,
  "_includes/post.liquid": POST,
  "_includes/summary.liquid": SUMMARY,
  "posts/posts.11tydata.json": `${JSON.stringify({ layout: "post.liquid", permalink: "/posts/{{ page.fileSlug }}/" }, null, 2)}\n`,
  "index.liquid": INDEX,
  "feed.liquid": FEED,
  "404.liquid": NOT_FOUND,
  "archive.liquid": ARCHIVE,
  "tags.liquid": TAGS_INDEX,
  "tag-page.liquid": TAG_PAGE,
  "tag-feed.liquid": TAG_FEED,
  "sitemap.liquid": SITEMAP,
  "assets/style.css": STYLE_CSS,
};
