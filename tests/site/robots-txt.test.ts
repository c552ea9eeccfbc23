import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { renderRobotsTxt } from "../../src/site/robots-txt.js";

describe("renderRobotsTxt", () => {
  it("lets every crawler in and names the sitemap's absolute URL, base path included", () => {
    const config = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/" };
    expect(renderRobotsTxt(config)).toMatch(/\nUser-agent: \*\nAllow: \/\n\nSitemap: https:\/\/example\.com\/blog\/sitemap\.xml\n$/);
  });

  it("says under a base path that crawlers read only the host's robots.txt, which this one is to be copied into", () => {
    const config = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/" };
    expect(renderRobotsTxt(config).split("\n").slice(0, 2)).toEqual([
      "# Crawlers read robots.txt only at the root of the host, not under /blog/:",
      "# copy the Sitemap line below into the host's own robots.txt.",
    ]);
  });

  it("works for a site at the root of its host", () => {
    const config = { ...defaultSiteConfig, url: "https://example.org/" };
    expect(renderRobotsTxt(config)).toBe("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
  });

  it("needs the site URL: a sitemap location must be absolute", () => {
    expect(() => renderRobotsTxt(defaultSiteConfig)).toThrow(/config\.url/);
  });
});
