import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { buildLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import { renderPost } from "../../src/markdown/render-post.js";
import type { RenderContext } from "../../src/markdown/render-context.js";
import type { Post } from "../../src/model.js";
import { createRenderCache } from "../../src/cache/render-cache.js";
import { renderThroughCache } from "../../src/workers/render-with-reads.js";
import { createDiskStore } from "../../src/cache/disk-store.js";
import { builtinRendererKey } from "../../src/cache/lazy-renderer.js";
import { checkFragments } from "../../src/markdown/check-fragments.js";
import { tempDir } from "../support/run-cli.js";

const config = { ...defaultSiteConfig, url: "https://example.com/", basePath: "/" };

function post(slug: string, body: string): Post {
  const { post } = parsePost({ path: `posts/${slug}.md`, text: `!! title: ${slug}\n!! published: 2024-01-01\n\n${body}\n` }, config);
  return post!;
}

/** Renders every post through the cache, as one build does; returns which slugs were rendered afresh. */
function build(cache: ReturnType<typeof createRenderCache>, posts: Post[]) {
  const rendered: string[] = [];
  const context = { config, links: buildLinkIndex(posts), assets: new Map() };
  const outputs = posts.map((p) =>
    renderThroughCache(cache, p, context, {
      key: "test",
      render: (p2, c) => {
        rendered.push(p2.meta.slug);
        return renderPost(p2, c);
      },
    }),
  );
  cache.prune();
  return { rendered, outputs };
}

describe("the render cache", () => {
  const a = post("a", "See [b](./posts/b#setup).");
  const b = post("b", "## Setup\n\nText.");
  const c = post("c", "Unrelated.");

  it("renders nothing again when nothing changed, with byte-identical results", () => {
    const cache = createRenderCache();
    const first = build(cache, [a, b, c]);
    const second = build(cache, [a, b, c]);
    expect(first.rendered).toEqual(["a", "b", "c"]);
    expect(second.rendered).toEqual([]);
    expect(second.outputs.map((o) => o.html)).toEqual(first.outputs.map((o) => o.html));
  });

  it("renders only the edited post after an unrelated edit", () => {
    const cache = createRenderCache();
    build(cache, [a, b, c]);
    expect(build(cache, [a, b, post("c", "Edited.")]).rendered).toEqual(["c"]);
  });

  it("renders only the retitled post, not the posts that link to it (a rendering reads a link's URL, never its title)", () => {
    const cache = createRenderCache();
    build(cache, [a, b, c]);
    const { post: retitled } = parsePost({ path: "posts/b.md", text: "!! title: Bee, retitled\n!! slug: b\n!! published: 2024-01-01\n\n## Setup\n\nText.\n" }, config);
    expect(retitled?.meta.slug).toBe("b");
    expect(build(cache, [a, retitled!, c]).rendered).toEqual(["b"]);
  });

  it("renders a post again when a post it links to changes its URL", () => {
    const cache = createRenderCache();
    build(cache, [a, b, c]);
    const { rendered, outputs } = build(cache, [a, post("b2", "## Setup\n\nText."), c]);
    expect(rendered).toContain("a");
    expect(outputs[0]?.diagnostics.map((d) => d.rule)).toContain("broken-post-link");
  });

  it("renders a post with a broken link again when a new post could be the one it meant", () => {
    const cache = createRenderCache();
    const broken = post("d", "See [x](./posts/setup-guid).");
    build(cache, [broken, c]);
    const { rendered, outputs } = build(cache, [broken, c, post("setup-guide", "Hi.")]);
    expect(rendered).toContain("d");
    expect(outputs[0]?.diagnostics[0]?.hint).toMatch(/setup-guide/);
  });

  it("renders again with another renderer (other plugins)", () => {
    const cache = createRenderCache();
    const context = { config, links: buildLinkIndex([c]), assets: new Map() };
    let renders = 0;
    const counting = (key: string) => ({ key, render: (p: Post, ctx: RenderContext) => (renders++, renderPost(p, ctx)) });
    renderThroughCache(cache, c, context, counting("a"));
    renderThroughCache(cache, c, context, counting("a"));
    renderThroughCache(cache, c, context, counting("b"));
    expect(renders).toBe(2);
  });

  it("renders again when the config changes", () => {
    const cache = createRenderCache();
    build(cache, [c]);
    const context = { config: { ...config, basePath: "/blog/" }, links: buildLinkIndex([c]), assets: new Map() };
    let renders = 0;
    renderThroughCache(cache, c, context, { key: "test", render: (p, ctx) => (renders++, renderPost(p, ctx)) });
    expect(renders).toBe(1);
  });
});

describe("the render cache over a disk store", () => {
  const a = post("a", "See [b](./posts/b#setup).");
  const b = post("b", "## Setup\n\nText.");
  const c = post("c", "Unrelated.");

  /** One build in a new "process": a new cache over the same folder; returns what rendered. */
  async function buildFrom(dir: string, posts: Post[]) {
    const store = createDiskStore(dir, "test-identity");
    const cache = createRenderCache(store);
    const rendered: string[] = [];
    const builtin = { key: builtinRendererKey, render: (p: Post, ctx: RenderContext) => (rendered.push(p.meta.slug), renderPost(p, ctx)) };
    const links = buildLinkIndex(posts);
    const context = { config, links, assets: new Map() };
    const outputs = posts.map((p) => renderThroughCache(cache, p, context, builtin));
    await store.flush({ prune: true });
    return { rendered, outputs, fragments: checkFragments(outputs, links), warnings: store.diagnostics() };
  }

  it("reuses renders of an earlier process, with the same results and the new Post attached", async () => {
    const dir = tempDir();
    const first = await buildFrom(dir, [a, b, c]);
    const fresh = [post("a", "See [b](./posts/b#setup)."), b, c];
    const second = await buildFrom(dir, fresh);
    expect(first.rendered).toEqual(["a", "b", "c"]);
    expect(second.rendered).toEqual([]);
    expect(second.outputs.map((o) => o.html)).toEqual(first.outputs.map((o) => o.html));
    expect(second.outputs[0]?.post).toBe(fresh[0]);
    expect(second.warnings).toEqual([]);
  });

  it("checks fragments against the new headings of B while A comes from disk", async () => {
    const dir = tempDir();
    expect((await buildFrom(dir, [a, b, c])).fragments).toEqual([]);
    const second = await buildFrom(dir, [a, post("b", "## Install\n\nText."), c]);
    expect(second.rendered).toEqual(["b"]);
    expect(second.fragments.map((d) => [d.rule, d.file, d.line])).toEqual([["unknown-fragment", "posts/a.md", 4]]);
  });

  it("renders A again when B's URL changes, and stores that rendering", async () => {
    const dir = tempDir();
    await buildFrom(dir, [a, b, c]);
    const moved = [a, post("b2", "## Setup\n\nText."), c];
    expect((await buildFrom(dir, moved)).rendered).toEqual(["a", "b2"]);
    expect((await buildFrom(dir, moved)).rendered).toEqual([]);
  });

  it("keeps renders made with a site's plugins in memory only", async () => {
    const dir = tempDir();
    const store = createDiskStore(dir, "test-identity");
    const cache = createRenderCache(store);
    const context = { config, links: buildLinkIndex([c]), assets: new Map() };
    renderThroughCache(cache, c, context, { key: "site-plugins-x", render: renderPost });
    expect(cache.lookup(c, context, { key: "site-plugins-x", render: renderPost })).toBeDefined();
    await store.flush({ prune: true });
    const later = createRenderCache(createDiskStore(dir, "test-identity"));
    expect(later.lookup(c, context, { key: "site-plugins-x", render: renderPost })).toBeUndefined();
  });

  it("never keeps a rendering that failed (in memory or on disk), so that the next build tries again", async () => {
    const dir = tempDir();
    const store = createDiskStore(dir, "test-identity");
    const cache = createRenderCache(store);
    const context = { config, links: buildLinkIndex([c]), assets: new Map() };
    let renders = 0;
    // What a render cut short looks like: an error instead of the post (a stack too small, a budget run out).
    const failing = {
      key: builtinRendererKey,
      render: (p: Post, ctx: RenderContext) => {
        renders++;
        const made = renderPost(p, ctx);
        return { ...made, html: "", diagnostics: [{ severity: "error" as const, rule: "too-deep", message: "cut short", file: p.source.path }] };
      },
    };
    expect(renderThroughCache(cache, c, context, failing).diagnostics.map((d) => d.rule)).toEqual(["too-deep"]);
    expect(cache.lookup(c, context, failing)).toBeUndefined();
    renderThroughCache(cache, c, context, failing);
    expect(renders).toBe(2);
    await store.flush({ prune: true });
    const later = createRenderCache(createDiskStore(dir, "test-identity"));
    expect(later.lookup(c, context, failing)).toBeUndefined();
    // A broken link is the post's own problem, an error or not: kept like any rendering.
    const warned = post("w", "See [x](./posts/nowhere).");
    const warnedContext = { config, links: buildLinkIndex([warned]), assets: new Map() };
    const again = createDiskStore(dir, "test-identity");
    renderThroughCache(createRenderCache(again), warned, warnedContext, { key: builtinRendererKey, render: renderPost });
    await again.flush({ prune: true });
    expect(createRenderCache(createDiskStore(dir, "test-identity")).lookup(warned, warnedContext, { key: builtinRendererKey, render: renderPost })?.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["broken-post-link", "error"]]);
  });
});

describe("the render cache and standalone pages", () => {
  it("renders a post again when the pages its links may name change", () => {
    const cache = createRenderCache();
    const linking = post("l", "See [me](/about/).");
    const render = (pages: ReadonlySet<string>) => {
      const rendered: string[] = [];
      const context: RenderContext = { config, links: buildLinkIndex([linking]), assets: new Map(), pages };
      const out = renderThroughCache(cache, linking, context, { key: "test", render: (p, c) => (rendered.push(p.meta.slug), renderPost(p, c)) });
      return { rendered, html: out.html };
    };
    expect(render(new Set()).html).toContain('href="/about/"');
    expect(render(new Set()).rendered).toEqual([]);
    const withPage = render(new Set(["about/"]));
    expect(withPage.rendered).toEqual(["l"]);
    expect(render(new Set(["about/"])).rendered).toEqual([]);
  });
});
