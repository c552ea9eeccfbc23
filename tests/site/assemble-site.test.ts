import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { OutputFile, PostMeta, RenderedPost, Resource } from "../../src/model.js";
import { assembleSite } from "../../src/site/assemble-site.js";
import { readTheme, type Theme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";

const builtinTemplates = fileURLToPath(new URL("../../templates", import.meta.url));
const config: SiteConfig = {
  ...defaultSiteConfig,
  title: "Field Notes",
  author: "Ann Example",
  url: "https://example.com/blog/",
  basePath: "/blog/",
  postsPerPage: 5,
};
const now = new Date("2030-01-01T00:00:00Z");

interface PostInput extends Partial<PostMeta> {
  slug: string;
  html?: string;
  resources?: Resource[];
}

function renderedPost({ slug, html = "<p>Body text.</p>", resources = [], ...meta }: PostInput, site = config): RenderedPost {
  return {
    post: {
      source: { path: `posts/${slug}.md`, text: "" },
      kind: "post",
      format: "bang",
      body: "",
      url: `${site.basePath}posts/${slug}/`,
      meta: {
        title: `Post ${slug}`, slug, published: undefined, updated: undefined, description: undefined, tags: [],
        draft: false, author: undefined, image: undefined, aliases: [], extra: {}, ...meta,
      },
    },
    html, description: `About ${slug}`, resources, resourcesHeading: resources.length > 0 ? "References" : undefined,
    excerptHtml: undefined,
    headings: [], postLinks: [], assets: [], diagnostics: [],
  };
}

/** Twelve posts, newest first: p12 on 12 March 2025 down to p01 on 1 March. */
const twelvePosts = (site = config) =>
  Array.from({ length: 12 }, (_, i) => {
    const n = 12 - i;
    const slug = `p${String(n).padStart(2, "0")}`;
    return renderedPost({ slug, published: new Date(Date.UTC(2025, 2, n)) }, site);
  });

let theme: Theme;
beforeAll(async () => {
  theme = await readTheme(undefined, builtinTemplates);
});

function build(posts: readonly RenderedPost[], site = config) {
  return assembleSite({ posts, config: site, theme, renderer: createTemplateRenderer(theme, site), now });
}

const contentsOf = (files: readonly OutputFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  if (!file || !("contents" in file) || typeof file.contents !== "string") throw new Error(`no ${path}`);
  return file.contents;
};

describe("assembleSite with the default theme", () => {
  it("writes paginated indexes, one page per post, 404, feed and assets", () => {
    const { files, diagnostics } = build(twelvePosts());
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toEqual([
      "index.html",
      "page/2/index.html",
      "page/3/index.html",
      ...Array.from({ length: 12 }, (_, i) => `posts/p${String(12 - i).padStart(2, "0")}/index.html`),
      "404.html",
      "feed.xml",
      "assets/style.css",
    ]);
    expect(files.at(-1)).toEqual({ path: "assets/style.css", sourcePath: `${builtinTemplates}/assets/style.css` });
  });

  it("links the index pages and lists five posts on each full page", () => {
    const { files } = build(twelvePosts());
    const first = contentsOf(files, "index.html");
    expect(first.match(/<article class="post-summary/g)).toHaveLength(5);
    expect(first).toContain('href="/blog/page/2/"');
    expect(first).toContain('<link rel="canonical" href="https://example.com/blog/">');
    const last = contentsOf(files, "page/3/index.html");
    expect(last.match(/<article class="post-summary/g)).toHaveLength(2);
    expect(last).toContain('href="/blog/page/2/"');
    expect(last).toContain("<title>Page 3 · Field Notes</title>");
  });

  it("gives a post page its head, dates, neighbours and resources", () => {
    const posts = twelvePosts();
    posts[1] = renderedPost({
      slug: "p11", published: new Date("2025-03-11T00:00:00Z"), tags: ["ops"],
      resources: [{ n: 1, author: "Nygard", title: "Release It!", url: "https://example.com/ri" }, { n: 2, author: undefined, title: "Notes", url: undefined }],
    });
    const html = contentsOf(build(posts).files, "posts/p11/index.html");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<link rel="canonical" href="https://example.com/blog/posts/p11/">');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Field Notes" href="/blog/feed.xml">');
    expect(html).toContain('<time datetime="2025-03-11T00:00:00.000Z">11 March 2025</time>');
    expect(html).toContain('<a class="post-nav-previous" href="/blog/posts/p10/">');
    expect(html).toContain('<a class="post-nav-next" href="/blog/posts/p12/">');
    expect(html).toContain('<section id="resources" class="resources">\n  <h2>References</h2>');
    expect(html).toContain('<li id="resource-1"><span class="resource-author">Nygard</span> – <a href="https://example.com/ri">Release It!</a></li>');
    expect(html).toContain('<li id="resource-2">Notes</li>');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main"');
  });

  it("escapes a hostile title everywhere and marks drafts", () => {
    const evil = renderedPost({ slug: "evil", title: '<script>alert("x")</script> & co', draft: true, published: new Date("2025-04-01T00:00:00Z") });
    const { files } = build([evil]);
    for (const path of ["index.html", "posts/evil/index.html"]) {
      const html = contentsOf(files, path);
      expect(html).not.toContain("<script>");
      expect(html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co");
      expect(html).toContain('<span class="badge">Draft</span>');
    }
    expect(contentsOf(files, "feed.xml")).not.toContain("<script>");
  });

  it("builds a site with no posts and no URL: one empty index, no feed, no canonical links", () => {
    const local: SiteConfig = { ...config, url: undefined, basePath: "/" };
    const { files, diagnostics } = build([], local);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(["index.html", "404.html", "assets/style.css"]);
    const index = contentsOf(files, "index.html");
    expect(index).toContain("No posts yet.");
    expect(index).not.toMatch(/rel="(canonical|alternate)"/);
  });

  it("reports a broken template once, however many pages use it", async () => {
    const broken: Theme = {
      ...theme,
      templates: new Map([...theme.templates, ["post.liquid", { name: "post.liquid", path: "templates/post.liquid", text: "\n{{ post.nope }}" }]]),
    };
    const result = assembleSite({ posts: twelvePosts(), config, theme: broken, renderer: createTemplateRenderer(broken, config), now });
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/post.liquid", line: 2, column: 4 }]);
    expect(result.files.some((f) => f.path.startsWith("posts/"))).toBe(false);
  });
});
