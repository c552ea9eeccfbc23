import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "xmlbuilder2";
import { defaultSiteConfig, type SiteConfig } from "../../../src/config/site-config.js";
import type { PostKind, PostMeta, RenderedPost, Resource } from "../../../src/model.js";
import type { FeedSpec } from "../../../src/site/feeds/feed-spec.js";
import { debianPython } from "../../support/system-tools.js";
import { renderingFacts } from "../../../src/markdown/rendering-facts.js";

/** A site below a base path, so that every absolute URL has to carry it. */
export const config: SiteConfig = {
  ...defaultSiteConfig,
  title: "Ops & Notes",
  description: "Field notes",
  language: "en-GB",
  url: "https://example.com/blog/",
  basePath: "/blog/",
  feedItems: 3,
};
export const now = new Date("2030-01-01T00:00:00Z");

export const tagSpec: FeedSpec = {
  title: "Ops & Notes: devops",
  description: "Posts tagged devops",
  pageUrl: "https://example.com/blog/tags/devops/",
  folder: "tags/devops/",
};

export interface PostInput extends Partial<PostMeta> {
  slug: string;
  kind?: PostKind;
  html?: string;
  description?: string;
  resources?: Resource[];
}

/** A rendered post with every field a feed reads; unspecified ones empty. */
export function renderedPost(input: PostInput): RenderedPost {
  const { slug, kind = "post", html = "<p>Body</p>", description = "Summary", resources = [], ...meta } = input;
  return {
    post: {
      source: { path: `posts/${slug}.md`, text: "" },
      kind,
      format: "bang",
      body: "",
      url: kind === "post" ? `/blog/posts/${slug}/` : `/blog/${slug}/`,
      meta: {
        title: slug, slug, published: undefined, updated: undefined, description: undefined, tags: [], draft: false,
        author: undefined, image: undefined, aliases: [], extra: {}, ...meta,
      },
    },
    html, description, resources, resourcesHeading: resources.length > 0 ? "Resources" : undefined,
    excerptHtml: undefined,
    headings: [], postLinks: [], assets: [], diagnostics: [],
    ...renderingFacts({ html, description, resources, resourcesHeading: resources.length > 0 ? "Resources" : undefined, excerptHtml: undefined, headings: [] }),
  };
}

/** Four dated posts, newest first; with feedItems 3 the oldest is left out. */
export const posts: readonly RenderedPost[] = [
  renderedPost({ slug: "d", title: "Fourth", published: new Date("2025-03-14T00:00:00Z"), tags: ["devops", "culture"], author: "Ann" }),
  renderedPost({ slug: "c", title: "Third", published: new Date("2025-03-10T08:30:00Z"), updated: new Date("2025-04-01T12:00:00Z") }),
  renderedPost({ slug: "b", title: "Second", published: new Date("2025-02-01T00:00:00Z") }),
  renderedPost({ slug: "a", title: "First", published: new Date("2025-01-01T00:00:00Z") }),
];

/** A body whose URLs are site-absolute, relative, fragment-only and in a srcset, plus a cited resource. */
export const urlPost = renderedPost({
  slug: "urls",
  published: new Date("2025-01-01T00:00:00Z"),
  html: '<p><a href="/blog/posts/b/">b</a> <a href="#setup">s</a> <img src="img/plot.png" srcset="/blog/a.png 1x, b.png 2x" alt=""></p>',
  resources: [{ n: 1, author: "Humble & Farley", title: "Continuous Delivery", url: "/blog/cd/" }],
});

/** What `urlPost`'s content must become in every feed. */
export const absoluteUrlFragments = [
  '<a href="https://example.com/blog/posts/b/">b</a>',
  '<a href="https://example.com/blog/posts/urls/#setup">s</a>',
  'src="https://example.com/blog/posts/urls/img/plot.png"',
  'srcset="https://example.com/blog/a.png 1x, https://example.com/blog/posts/urls/b.png 2x"',
  '<li id="resource-1">Humble &amp; Farley – <a href="https://example.com/blog/cd/">Continuous Delivery</a></li>',
];

/** A title that must reach readers exactly as written: markup, a bare `&` and a literal `&amp;`/`&lt;`. */
export const trickyTitle = "<script>alert(1)</script> & Tom &amp; Jerry &lt;3";

/** The parts of xmlbuilder2's DOM the assertions read. */
export interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

export function parseXml(xml: string): XmlElement {
  return (create(xml).node as unknown as { documentElement: XmlElement }).documentElement;
}

export const all = (el: XmlElement | undefined, name: string): XmlElement[] =>
  el === undefined ? [] : Array.from(el.getElementsByTagName(name));
export const textOf = (el: XmlElement | undefined, name: string): string | null | undefined => all(el, name)[0]?.textContent;

/** What Debian's feedparser made of a feed (the subset the tests read). */
export interface ParsedFeed {
  bozo: number;
  bozo_exception?: string;
  version: string;
  feed: { title?: string; link?: string; id?: string; updated?: string; links: { rel?: string; href?: string }[] };
  entries: { title?: string; link?: string; id?: string; published?: string; updated?: string; summary?: string; content?: { value: string }[] }[];
}

const feedparserScript = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
pick = lambda o, ks: {k: o[k] for k in ks if k in o}
print(json.dumps({
  "bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "version": d.version,
  "feed": {**pick(d.feed, ["title", "link", "id", "updated"]), "links": [pick(l, ["rel", "href"]) for l in d.feed.get("links", [])]},
  "entries": [{**pick(e, ["title", "link", "id", "published", "updated", "summary"]),
               "content": [{"value": c.value} for c in e.get("content", [])]} for e in d.entries],
}))
`;

/** Parses `xml` with /usr/bin/python3's feedparser, through a temporary file as a reader would fetch it. */
export function feedparse(xml: string): ParsedFeed {
  const dir = mkdtempSync(join(tmpdir(), "daylight-feed-"));
  try {
    const file = join(dir, "feed.xml");
    writeFileSync(file, xml);
    const run = spawnSync(debianPython, ["-c", feedparserScript, file], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as ParsedFeed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
