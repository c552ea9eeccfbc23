import { describe, expect, it } from "vitest";
import { createTextCache, type TextCache } from "../../../src/cache/text-cache.js";
import { defaultSiteConfig } from "../../../src/config/site-config.js";
import type { OutputFile, RenderedPost } from "../../../src/model.js";
import { siteSearchInSteps } from "../../../src/site/search/site-search.js";
import type { SearchSink } from "../../../src/site/search/write-index.js";
import { runSteps } from "../../../src/timings/run-steps.js";
import { makeRenderedPost } from "../../support/make-rendered-post.js";

const config = { ...defaultSiteConfig, search: true };

/** A post whose body counts its reads: the index must read only the bodies of changed pages. */
function countedPost(slug: string, text: string, reads: Map<string, number>): RenderedPost {
  const rendered = makeRenderedPost({ slug, title: `On ${slug}`, html: `<p>${text}</p><h2 id="more">More</h2><p>${text} again</p>` });
  return Object.defineProperty({ ...rendered }, "html", {
    get: () => (reads.set(slug, (reads.get(slug) ?? 0) + 1), rendered.html),
  }) as RenderedPost;
}

/** A build's output: what the sink was given; `live` is the last build's, as the page ledger would offer it. */
function output(live: ReadonlyMap<string, { key: string; contents: string }> = new Map()) {
  const files = new Map<string, { key?: string | undefined; contents: string; how: "made" | "taken" }>();
  const sink: SearchSink = {
    unchanged: (path, key) => (live.get(path)?.key === key ? { path, contents: live.get(path)?.contents ?? "" } : undefined),
    keep: (path, contents, key) => void files.set(path, { key, contents, how: "made" }),
    take: (file: OutputFile) => void files.set(file.path, { key: live.get(file.path)?.key, contents: String("contents" in file ? file.contents : ""), how: "taken" }),
  };
  const contents = () => Object.fromEntries([...files].map(([path, f]) => [path, f.contents]).sort());
  const made = () => [...files].filter(([, f]) => f.how === "made").map(([path]) => path);
  const asLive = () => new Map([...files].flatMap(([path, f]) => (f.key === undefined ? [] : [[path, { key: f.key, contents: f.contents }] as const])));
  return { sink, contents, made, asLive };
}

const words = ["lantern wick", "kiwi orchard 2024", "harbour ferry", "granite quarry"];
const build = (posts: readonly RenderedPost[], cache?: TextCache, live?: ReadonlyMap<string, { key: string; contents: string }>) => {
  const out = output(live);
  runSteps(siteSearchInSteps(posts, [], config, out.sink, cache));
  return out;
};

describe("the search index made page by page", () => {
  it("reads no body when no page changed, and takes every file as the last build left it", () => {
    const reads = new Map<string, number>();
    const posts = words.map((text, i) => countedPost(`p${i}`, text, reads));
    const cache = createTextCache();
    const first = build(posts, cache);
    expect([...reads.values()]).toEqual([1, 1, 1, 1]);
    const uncached = build(words.map((text, i) => countedPost(`p${i}`, text, new Map())));
    expect(first.contents()).toEqual(uncached.contents());
    reads.clear();
    const again = build(posts, cache, first.asLive());
    expect(reads.size).toBe(0);
    expect(again.made()).toEqual([]);
    expect(again.contents()).toEqual(first.contents());
  });

  it("reads only the changed page's body after an edit, and makes the same files as a build without a cache", () => {
    const reads = new Map<string, number>();
    const cache = createTextCache();
    const first = build(words.map((text, i) => countedPost(`p${i}`, text, reads)), cache);
    reads.clear();
    const edited = words.map((text, i) => countedPost(`p${i}`, i === 2 ? `${text} lighthouse` : text, reads));
    const second = build(edited, cache, first.asLive());
    expect([...reads.keys()]).toEqual(["p2"]);
    expect(second.contents()).toEqual(build(words.map((text, i) => countedPost(`p${i}`, i === 2 ? `${text} lighthouse` : text, new Map()))).contents());
    expect(JSON.stringify(second.contents())).toContain("lighthouse");
    // The other pages' fragments were the live output's; the chunks, entry and pointer are new.
    const fragments = second.made().filter((p) => p.includes("/doc."));
    expect(fragments).toHaveLength(1);
    expect(second.made()).toContain("search/index.json");
  });

  it("makes the index again from the cache, reading no body, when the live output lacks its files", () => {
    const reads = new Map<string, number>();
    const posts = words.map((text, i) => countedPost(`p${i}`, text, reads));
    const cache = createTextCache();
    const first = build(posts, cache);
    reads.clear();
    // A fresh checkout with the cache restored: no live output.
    const ci = build(posts, cache);
    expect(reads.size).toBe(0);
    expect(ci.contents()).toEqual(first.contents());
    // One file of the live output gone (or edited by hand): that file is made again from the cache, the same.
    const live = first.asLive();
    const gone = [...live.keys()].find((p) => p.includes("/terms.")) ?? "";
    live.delete(gone);
    const mended = build(posts, cache, live);
    expect(reads.size).toBe(0);
    expect(mended.contents()).toEqual(first.contents());
    expect(mended.made()).toEqual([gone]);
  });

  it("is made again when the site's zone or language changes the dates it shows", () => {
    const posts = [makeRenderedPost({ slug: "d", title: "Dated", published: new Date("2025-06-24T23:30:00Z") })];
    const cache = createTextCache();
    const utc = output();
    runSteps(siteSearchInSteps(posts, [], config, utc.sink, cache));
    const auckland = output(utc.asLive());
    runSteps(siteSearchInSteps(posts, [], { ...config, timezone: "Pacific/Auckland" }, auckland.sink, cache));
    expect(JSON.stringify(utc.contents())).toContain("24 June 2025");
    expect(JSON.stringify(auckland.contents())).toContain("25 June 2025");
  });
});
