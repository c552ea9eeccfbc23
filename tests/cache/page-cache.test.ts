import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { createPageCache } from "../../src/cache/page-cache.js";
import { createDiskStore } from "../../src/cache/disk-store.js";
import { tempDir } from "../support/run-cli.js";
import type { Theme } from "../../src/site/read-theme.js";
import type { TemplateRenderer } from "../../src/site/template-renderer.js";

const theme = (text: string): Theme => ({
  templates: new Map([["post.liquid", { name: "post.liquid", path: "templates/post.liquid", text }]]),
  assets: new Map(),
});

/** A renderer that counts its renders and fails on data that asks it to. */
function countingRenderer() {
  const counter = { renders: 0 };
  const renderer: TemplateRenderer = {
    render(name, data) {
      counter.renders++;
      if ((data as { fail?: boolean }).fail) {
        return { html: undefined, diagnostics: [{ severity: "error", rule: "template-error", message: "boom" }] };
      }
      return { html: `${name}:${JSON.stringify(data)}`, diagnostics: [] };
    },
  };
  return { renderer, counter };
}

describe("the page cache", () => {
  it("encodes a data object for its key once per template and theme (page data is never changed)", () => {
    const cache = createPageCache();
    const { renderer, counter } = countingRenderer();
    const wrapped = cache.wrap(renderer, theme("a"), defaultSiteConfig);
    let reads = 0;
    const data = {
      get title() {
        reads++;
        return "x";
      },
    };
    const first = wrapped.render("post", data);
    const readsOnce = reads;
    expect(wrapped.render("post", data)).toEqual(first);
    expect(reads).toBe(readsOnce);
    wrapped.render("index", data);
    expect(reads).toBeGreaterThan(readsOnce);
    expect(wrapped.render("post", { title: "y" }).html).toBe('post:{"title":"y"}');
    expect(counter.renders).toBe(3);
  });

  it("renders a page once for the same theme, config, template and data", () => {
    const cache = createPageCache();
    const { renderer, counter } = countingRenderer();
    const wrapped = cache.wrap(renderer, theme("a"), defaultSiteConfig);
    const first = wrapped.render("post", { title: "x" });
    cache.prune();
    const again = cache.wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "x" });
    expect(again).toEqual(first);
    expect(counter.renders).toBe(1);
  });

  it("renders again when the data, the template text or the config differ", () => {
    const cache = createPageCache();
    const { renderer, counter } = countingRenderer();
    cache.wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "x" });
    cache.wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "y" });
    cache.wrap(renderer, theme("b"), defaultSiteConfig).render("post", { title: "x" });
    cache.wrap(renderer, theme("a"), { ...defaultSiteConfig, timezone: "Asia/Tokyo" }).render("post", { title: "x" });
    cache.wrap(renderer, theme("a"), defaultSiteConfig).render("index", { title: "x" });
    expect(counter.renders).toBe(5);
  });

  it("never keeps a failed render, so its error is reported on every build", () => {
    const cache = createPageCache();
    const { renderer, counter } = countingRenderer();
    const wrapped = cache.wrap(renderer, theme("a"), defaultSiteConfig);
    expect(wrapped.render("post", { fail: true }).diagnostics).toHaveLength(1);
    expect(wrapped.render("post", { fail: true }).diagnostics).toHaveLength(1);
    expect(counter.renders).toBe(2);
  });

  it("keeps no page of a theme that prints the time of the build (Liquid's \"now\" and 'today')", async () => {
    for (const text of ['<footer>{{ "now" | date: "%Y" }}</footer>', "{% assign d = 'today' | date: '%F' %}{{ d }}"]) {
      const dir = tempDir();
      const store = createDiskStore(dir, "id");
      const cache = createPageCache(store);
      const { renderer, counter } = countingRenderer();
      cache.wrap(renderer, theme(text), defaultSiteConfig).render("post", { title: "x" });
      cache.wrap(renderer, theme(text), defaultSiteConfig).render("post", { title: "x" });
      await store.flush({ prune: true });
      createPageCache(createDiskStore(dir, "id")).wrap(renderer, theme(text), defaultSiteConfig).render("post", { title: "x" });
      expect(counter.renders, text).toBe(3);
    }
    // A word "now" in the text is no clock.
    const { renderer, counter } = countingRenderer();
    const cache = createPageCache();
    for (let i = 0; i < 2; i++) cache.wrap(renderer, theme("<p>Read it now</p>"), defaultSiteConfig).render("post", { title: "x" });
    expect(counter.renders).toBe(1);
  });

  it("forgets pages that a build did not ask for", () => {
    const cache = createPageCache();
    const { renderer, counter } = countingRenderer();
    cache.wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "old" });
    cache.prune();
    cache.prune();
    cache.wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "old" });
    expect(counter.renders).toBe(2);
  });
});

describe("the page cache over a disk store", () => {
  it("reuses pages rendered by an earlier process, and never stores a failed render", async () => {
    const dir = tempDir();
    const { renderer, counter } = countingRenderer();
    const first = createDiskStore(dir, "id");
    const html = createPageCache(first).wrap(renderer, theme("a"), defaultSiteConfig).render("post", { title: "x" });
    createPageCache(first).wrap(renderer, theme("a"), defaultSiteConfig).render("post", { fail: true });
    await first.flush({ prune: true });
    const second = createDiskStore(dir, "id");
    const wrapped = createPageCache(second).wrap(renderer, theme("a"), defaultSiteConfig);
    expect(wrapped.render("post", { title: "x" })).toEqual(html);
    expect(counter.renders).toBe(2);
    expect(wrapped.render("post", { fail: true }).diagnostics).toHaveLength(1);
    expect(wrapped.render("post", { title: "x" }, )).toEqual(html);
    expect(createPageCache(second).wrap(renderer, theme("b"), defaultSiteConfig).render("post", { title: "x" }).html).toBeDefined();
    expect(counter.renders).toBe(4);
  });
});
