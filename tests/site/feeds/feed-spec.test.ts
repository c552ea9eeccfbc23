import { describe, expect, it } from "vitest";
import { feedUrl, siteFeedSpec } from "../../../src/site/feeds/feed-spec.js";
import { config, tagSpec } from "./feed-fixtures.js";
import { feedFiles } from "../../../src/urls/generated-files.js";

describe("siteFeedSpec", () => {
  it("mirrors the home page, at the output root", () => {
    expect(siteFeedSpec(config)).toEqual({ title: "Ops & Notes", description: "Field notes", pageUrl: "https://example.com/blog/", folder: "" });
  });

  it("needs the site URL", () => {
    expect(() => siteFeedSpec({ ...config, url: undefined })).toThrow(/config\.url/);
  });
});

describe("feedUrl", () => {
  it("places each format's file in the spec's folder, below the base path", () => {
    expect(feedFiles).toEqual({ rss: "feed.xml", atom: "atom.xml", json: "feed.json" });
    const site = siteFeedSpec(config);
    expect(["rss", "atom", "json"].map((f) => feedUrl(site, f as keyof typeof feedFiles, config))).toEqual([
      "https://example.com/blog/feed.xml", "https://example.com/blog/atom.xml", "https://example.com/blog/feed.json",
    ]);
    expect(feedUrl(tagSpec, "atom", config)).toBe("https://example.com/blog/tags/devops/atom.xml");
  });

  it("refuses a folder that is absolute or lacks its trailing slash", () => {
    expect(() => feedUrl({ ...tagSpec, folder: "/tags/devops/" }, "rss", config)).toThrow(/folder/);
    expect(() => feedUrl({ ...tagSpec, folder: "tags/devops" }, "rss", config)).toThrow(/folder/);
  });
});
