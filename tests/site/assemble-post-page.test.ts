import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { RenderedPost } from "../../src/model.js";
import { assemblePostPage, assembleSite } from "../../src/site/assemble-site.js";
import { readTheme, type Theme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const config: SiteConfig = { ...defaultSiteConfig, title: "One Page", url: "https://example.com/blog/", basePath: "/blog/" };
const now = new Date("2030-01-01T00:00:00Z");
let theme: Theme;
beforeAll(async () => {
  theme = await readTheme(undefined, builtinTemplates);
});
const builtinTemplates = fileURLToPath(new URL("../../templates", import.meta.url));

const day = (n: number) => new Date(Date.UTC(2025, 2, n));
/** Newest first, with neighbours, tags, backlinks (from a page too), a self-link and a draft. */
const posts: RenderedPost[] = [
  makeRenderedPost({ slug: "draft", draft: true, linksTo: ["b"] }, config),
  makeRenderedPost({ slug: "c", published: day(3), tags: ["notes"], linksTo: ["a", "c"] }, config),
  makeRenderedPost({ slug: "b", published: day(2), linksTo: ["a"] }, config),
  makeRenderedPost({ slug: "a", published: day(1), tags: ["notes", "ideas"] }, config),
];
const pages = [makeRenderedPost({ slug: "about", kind: "page", linksTo: ["a"] }, config)];
const input = () => ({ posts, pages, config, renderer: createTemplateRenderer(theme, config, now), now, publicPaths: new Set(["robots.txt"]) });

describe("assemblePostPage", () => {
  it("makes each post's page byte for byte as assembleSite does", () => {
    const site = assembleSite({ ...input(), theme });
    const pageOf = (path: string) => site.files.find((f) => f.path === path);
    for (const rendered of posts) {
      const { page, diagnostics } = assemblePostPage(input(), rendered.post.url);
      expect(diagnostics).toEqual(site.diagnostics);
      expect(page?.path).toBe(`posts/${rendered.post.meta.slug}/index.html`);
      expect(pageOf(page!.path)).toEqual({ path: page!.path, contents: page!.html });
    }
    // The page shows what only the whole site tells: neighbours, backlinks, the Tags link.
    const a = assemblePostPage(input(), "/blog/posts/a/").page!.html;
    expect(a).toContain('href="/blog/posts/b/"');
    expect(a).toContain('href="/blog/about/"');
    expect(a).toContain('href="/blog/tags/"');
  });

  it("makes the same page from the post between its neighbours, what links to it and whether the site has tags", () => {
    const site = assembleSite({ ...input(), theme });
    posts.forEach((rendered, i) => {
      const window = posts.slice(Math.max(0, i - 1), i + 2);
      const linking = [...posts, ...pages].filter((r) => r.postLinks.some((l) => l.slug === rendered.post.meta.slug));
      const { page } = assemblePostPage({ ...input(), posts: window, linking, tagged: true }, rendered.post.url);
      expect(site.files.find((f) => f.path === page?.path), rendered.post.meta.slug).toEqual({ path: page!.path, contents: page!.html });
    });
    // Without them, a few posts tell neither who links to the post nor that the site has tags.
    const alone = assemblePostPage({ ...input(), posts: posts.slice(2) }, "/blog/posts/b/").page!.html;
    expect(site.files).toContainEqual({ path: "posts/b/index.html", contents: expect.any(String) });
    expect(site.files).not.toContainEqual({ path: "posts/b/index.html", contents: alone });
    const untagged = assemblePostPage({ ...input(), posts: posts.slice(1), tagged: false }, "/blog/posts/b/").page!.html;
    expect(untagged).not.toContain('href="/blog/tags/"');
  });

  it("makes no page for a post whose URL is not its own, and says why as assembleSite does", () => {
    const made = makeRenderedPost({ slug: "moved", published: day(4) }, config);
    // As the permalink pattern `/:slug/` would place it: on the page's URL.
    const clash = { ...made, post: { ...made.post, url: "/blog/about/" } };
    const { page, diagnostics } = assemblePostPage({ ...input(), posts: [clash, ...posts] }, clash.post.url);
    expect(page).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(["reserved-slug"]);
    expect(diagnostics).toEqual(assembleSite({ ...input(), posts: [clash, ...posts], theme }).diagnostics);
  });
});
