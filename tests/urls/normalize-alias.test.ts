import { describe, expect, it } from "vitest";
import { generatedFileAt, normalizeAlias } from "../../src/urls/normalize-alias.js";

describe("normalizeAlias", () => {
  it("makes site-relative paths, folders ending in /", () => {
    expect(normalizeAlias("/2019/03/old-name", undefined)).toBe("/2019/03/old-name/");
    expect(normalizeAlias("old/path/", undefined)).toBe("/old/path/");
    expect(normalizeAlias("/old.html", undefined)).toBe("/old.html");
    expect(normalizeAlias("/a//b?x=1#top", undefined)).toBe("/a/b/");
  });

  it("keeps the path of absolute URLs, without the site's base path", () => {
    expect(normalizeAlias("https://old.example.org/2019/post.html", undefined)).toBe("/2019/post.html");
    expect(normalizeAlias("https://example.com/blog/old/", "https://example.com/blog/")).toBe("/old/");
    expect(normalizeAlias("https://example.com/caf%C3%A9", undefined)).toBe("/café/");
  });

  it("refuses what cannot be a page of the site", () => {
    for (const bad of ["/", "", "../../etc/passwd", "/a/./b", "a b", "a\\b", "https://x.org/"]) {
      expect(normalizeAlias(bad, undefined), bad).toBeUndefined();
    }
  });

  it("names the file of daylight's own that a site path would replace or need as a folder", () => {
    expect(generatedFileAt("/daylight-manifest.json")).toBe("daylight-manifest.json");
    expect(generatedFileAt("/_redirects/")).toBe("_redirects");
    expect(generatedFileAt("/feed.xml/x/")).toBe("feed.xml");
    expect(generatedFileAt("/posts/feed.xml")).toBeUndefined();
    expect(generatedFileAt("/old/")).toBeUndefined();
  });
});
