import { describe, expect, it } from "vitest";
import type { EntryStore } from "../../../src/cache/entry-store.js";
import { feedTexts } from "../../../src/site/site-files.js";
import { createTextCache, type TextCache } from "../../../src/cache/text-cache.js";
import { resetStageTimings, stageTimings } from "../../../src/timings/stage-timings.js";
import { config, now, posts, renderedPost, tagSpec } from "./feed-fixtures.js";

/** An EntryStore in a Map, as the cache folder would be between two processes. */
function mapStore(): EntryStore & { size(): number } {
  const entries = new Map<string, unknown>();
  return {
    read: (namespace, key, isValid) => {
      const value = entries.get(`${namespace}/${key}`);
      return isValid(value) ? value : undefined;
    },
    write: (namespace, key, value) => void entries.set(`${namespace}/${key}`, JSON.parse(JSON.stringify(value))),
    size: () => entries.size,
  };
}

/** A spec's three feeds, as the build's page sink makes them: from `cache` when it holds them, else rendered (and stored). */
function feedOutputFiles(...[items, siteConfig, at, spec, cache]: [...Parameters<typeof feedTexts>, TextCache?]) {
  const kept = feedTexts(items, siteConfig, at, spec);
  const texts = cache ? cache.texts(kept.kind, kept.key(), kept.make) : kept.make();
  return kept.paths.map((path, i) => ({ path, contents: texts[i] }));
}

/** How many times feeds were rendered (not taken from a cache) since the last call. */
function feedRenders(): number {
  const count = stageTimings().find((t) => t.stage === "feeds")?.calls ?? 0;
  resetStageTimings();
  return count;
}

describe("cached feeds", () => {
  it("are the very bytes of uncached ones, and a second process takes them from the store", () => {
    const uncached = feedOutputFiles(posts, config, now, tagSpec);
    const store = mapStore();
    resetStageTimings();
    expect(feedOutputFiles(posts, config, now, tagSpec, createTextCache(store))).toEqual(uncached);
    expect(feedRenders()).toBe(1);
    // A new process: nothing in memory, the store from the last build.
    expect(feedOutputFiles(posts, config, now, tagSpec, createTextCache(store))).toEqual(uncached);
    expect(feedRenders()).toBe(0);
  });

  it("render again when anything a feed shows changes, and only then", () => {
    const cache = createTextCache(mapStore());
    feedOutputFiles(posts, config, now, tagSpec, cache);
    feedRenders();
    const [newest, ...rest] = posts;
    const edited = renderedPost({ slug: "d", title: "Fourth", published: newest!.post.meta.published, tags: ["devops", "culture"], author: "Ann", html: "<p>Edited.</p>" });
    const retitled = renderedPost({ slug: "d", title: "Fourth, retitled", published: newest!.post.meta.published, tags: ["devops", "culture"], author: "Ann" });
    const changes = [
      () => feedOutputFiles([edited, ...rest], config, now, tagSpec, cache),
      () => feedOutputFiles([retitled, ...rest], config, now, tagSpec, cache),
      () => feedOutputFiles(posts, { ...config, title: "Renamed" }, now, tagSpec, cache),
      () => feedOutputFiles(posts, config, now, { ...tagSpec, title: "Other" }, cache),
    ];
    for (const change of changes) {
      change();
      expect(feedRenders()).toBe(1);
    }
    // The oldest post is not among the newest three: it cannot change the feed.
    feedOutputFiles([...posts.slice(0, 3), renderedPost({ slug: "a", title: "Renamed first", published: posts[3]!.post.meta.published })], config, now, tagSpec, cache);
    // Nor does "now", while the feed has dated posts (its date is theirs).
    feedOutputFiles(posts, config, new Date("2031-01-01T00:00:00Z"), tagSpec, cache);
    expect(feedRenders()).toBe(0);
    // Without a dated post, "now" is the feed's date: it must count.
    const undated = [renderedPost({ slug: "u", title: "Undated" })];
    const first = feedOutputFiles(undated, config, now, tagSpec, cache);
    const later = feedOutputFiles(undated, config, new Date("2031-01-01T00:00:00Z"), tagSpec, cache);
    expect(feedRenders()).toBe(2);
    expect(later).not.toEqual(first);
  });
});
