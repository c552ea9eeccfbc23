import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { buildSiteNav } from "../../src/site/site-nav.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const config: SiteConfig = { ...defaultSiteConfig, basePath: "/blog/", url: "https://example.com/blog/" };
const page = (slug: string, title: string) => makeRenderedPost({ slug, title, kind: "page" }, config);
const pages = [page("uses", "Uses"), page("about", "About"), page("now", "Now"), page("colophon", "colophon")];

describe("buildSiteNav", () => {
  it("lists Posts, Archive, Tags, then the pages by title", () => {
    const { nav, diagnostics } = buildSiteNav(pages, config, { archive: true, tags: true });
    expect(diagnostics).toEqual([]);
    expect(nav.map((n) => `${n.title} ${n.url}`)).toEqual([
      "Posts /blog/", "Archive /blog/archive/", "Tags /blog/tags/",
      "About /blog/about/", "colophon /blog/colophon/", "Now /blog/now/", "Uses /blog/uses/",
    ]);
  });

  it("puts the pages config.nav names first, in its order, and leaves out Tags when there are none", () => {
    const { nav } = buildSiteNav(pages, { ...config, nav: ["now", "about"] }, { archive: true, tags: false });
    expect(nav.map((n) => n.title)).toEqual(["Posts", "Archive", "Now", "About", "colophon", "Uses"]);
  });

  it("warns about a nav slug that names no page, on site.config.json, with the nearest slug", () => {
    const { nav, diagnostics } = buildSiteNav(pages, { ...config, nav: ["abuot", "now", "zzz"] }, { archive: true, tags: false });
    expect(nav.map((n) => n.title)).toEqual(["Posts", "Archive", "Now", "About", "colophon", "Uses"]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ["config-error", "warning", "site.config.json"], ["config-error", "warning", "site.config.json"],
    ]);
    expect(diagnostics[0]?.hint).toContain("about");
  });
});
