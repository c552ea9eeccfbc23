import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { RenderedPost } from "../../src/model.js";
import { createRememberedData } from "../../src/site/assemble-site.js";
import { postsDataInSteps, type PostDataContext } from "../../src/site/post-data.js";
import { toSiteData } from "../../src/site/site-data.js";
import { toPostPageData } from "../../src/site/template-data.js";
import { runSteps } from "../../src/timings/run-steps.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const config: SiteConfig = { ...defaultSiteConfig, url: "https://example.com/", basePath: "/" };
const now = new Date("2025-06-01T00:00:00Z");
const rendered = (slug: string): RenderedPost => makeRenderedPost({ title: slug, description: "", slug }, config);
const dataOf = (posts: readonly RenderedPost[], context: PostDataContext) => runSteps(postsDataInSteps(posts, context));

describe("data remembered from build to build (a long-lived process's)", () => {
  const [a, b, c] = [rendered("a"), rendered("b"), rendered("c")];

  it("gives an unchanged post's data back as the same object, and makes it again when its neighbours change", () => {
    const remembered = createRememberedData();
    const first = dataOf([a, b, c], { config, now, remembered: remembered.postData });
    const again = dataOf([a, b, c], { config, now, remembered: remembered.postData });
    expect(again[1]).toBe(first[1]);
    const withNewNeighbour = dataOf([a, b, rendered("d")], { config, now, remembered: remembered.postData });
    expect(withNewNeighbour[0]).toBe(first[0]);
    expect(withNewNeighbour[1]).not.toBe(first[1]);
    expect(withNewNeighbour[1]).toEqual({ ...first[1], previous: { title: "d", url: "/posts/d/" } });
  });

  it("remembers a post page's data for the same context only", () => {
    const remembered = createRememberedData();
    const [data] = dataOf([a], { config, now });
    const head = { config, site: toSiteData(config) };
    const page = toPostPageData(data!, head, remembered.pageData);
    expect(toPostPageData(data!, head, remembered.pageData)).toBe(page);
    const retitled = { ...config, title: "Another title" };
    expect(toPostPageData(data!, { config: retitled, site: toSiteData(retitled) }, remembered.pageData)).not.toBe(page);
  });

  it("keeps nothing when there is nothing to remember with: a build run once", () => {
    const first = dataOf([a, b, c], { config, now });
    const again = dataOf([a, b, c], { config, now });
    expect(again[1]).not.toBe(first[1]);
    expect(again[1]).toEqual(first[1]);
  });
});
