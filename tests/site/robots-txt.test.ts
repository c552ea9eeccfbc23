import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { renderRobotsTxt } from "../../src/site/robots-txt.js";

describe("renderRobotsTxt", () => {
  it("lets every crawler in and names the sitemap's absolute URL, base path included", () => {
    const config = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/" };
    expect(renderRobotsTxt(config)).toBe("User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap.xml\n");
  });

  it("works for a site at the root of its host", () => {
    const config = { ...defaultSiteConfig, url: "https://example.org/" };
    expect(renderRobotsTxt(config)).toMatch(/\nSitemap: https:\/\/example\.org\/sitemap\.xml\n$/);
  });

  it("needs the site URL: a sitemap location must be absolute", () => {
    expect(() => renderRobotsTxt(defaultSiteConfig)).toThrow(/config\.url/);
  });
});
