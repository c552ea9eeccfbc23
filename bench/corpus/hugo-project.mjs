/** The fixed files of the Hugo copy: config and Go-template layouts matching the Eleventy ones. */
import { SITE, STYLE_CSS } from "./site.mjs";

// Section and robots pages are off; tag pages (paginated, with an RSS feed each), the archive
// and the sitemap stay on, as daylight renders them.
const CONFIG = `baseURL = "${SITE.url}"
title = "${SITE.title}"
languageCode = "en"
paginate = 10
disableKinds = ["section", "robotsTXT"]
[taxonomies]
  tag = "tags"
[permalinks]
  posts = "/posts/:slug/"
[services.rss]
  limit = 20
[outputs]
  home = ["HTML", "RSS"]
  page = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[markup.goldmark.renderer]
  unsafe = true
`;

const BASEOF = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}${SITE.description}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="alternate" type="application/rss+xml" href="/index.xml" title="{{ .Site.Title }}">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header><a href="/">{{ .Site.Title }}</a></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>© ${SITE.author}</p></footer>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "January 2, 2006" }}</time></p>
{{ .Content }}
<ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
</article>
<nav aria-label="More posts">
{{ with .Prev }}<a rel="prev" href="{{ .RelPermalink }}">Older: {{ .Title }}</a>{{ end }}
{{ with .Next }}<a rel="next" href="{{ .RelPermalink }}">Newer: {{ .Title }}</a>{{ end }}
</nav>
{{ end }}
`;

/** One entry of a post list: the home page and tag pages share it. */
const SUMMARY = `<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "January 2, 2006" }}</time></p>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
</article>
`;

const HOME = `{{ define "main" }}
<h1>Latest posts</h1>
{{ $pager := .Paginate (where .Site.RegularPages "Section" "posts") }}
{{ range $pager.Pages }}
{{ partial "summary.html" . }}
{{ end }}
<nav aria-label="Pages">
{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
</nav>
{{ end }}
`;

// Full post content in the feed, as daylight and the Eleventy copy do (Hugo's default has summaries).
const RSS = `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0">
<channel>
<title>{{ .Site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>${SITE.description}</description>
{{ range first 20 (where .Site.RegularPages "Section" "posts") }}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<description>{{ .Content | html }}</description>
</item>
{{ end }}
</channel>
</rss>
`;

const TERMS = `{{ define "main" }}
<h1>Tags</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
`;

const TERM = `{{ define "main" }}
<h1>Posts tagged {{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}
{{ partial "summary.html" . }}
{{ end }}
{{ end }}
`;

const ARCHIVE = `{{ define "main" }}
<h1>Archive</h1>
<ul>
{{ range where .Site.RegularPages "Section" "posts" }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
`;

const NOT_FOUND = `{{ define "main" }}
<h1>Not found</h1>
<p><a href="/">Back to the posts</a></p>
{{ end }}
`;

/** Relative path → content of every non-post file of the Hugo project. */
export const HUGO_FILES = {
  "hugo.toml": CONFIG,
  "layouts/_default/baseof.html": BASEOF,
  "layouts/_default/single.html": SINGLE,
  "layouts/index.html": HOME,
  "layouts/partials/summary.html": SUMMARY,
  "layouts/index.rss.xml": RSS,
  "layouts/404.html": NOT_FOUND,
  "layouts/_default/terms.html": TERMS,
  "layouts/_default/term.html": TERM,
  "layouts/_default/archive.html": ARCHIVE,
  "content/archive.md": `---\ntitle: Archive\nlayout: archive\nurl: /archive/\n---\n`,
  "static/assets/style.css": STYLE_CSS,
};
