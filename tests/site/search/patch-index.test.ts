import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTextCache } from "../../../src/cache/text-cache.js";
import { defaultSiteConfig } from "../../../src/config/site-config.js";
import type { OutputFile, RenderedPost } from "../../../src/model.js";
import { siteSearchInSteps } from "../../../src/site/search/site-search.js";
import type { SearchSink } from "../../../src/site/search/write-index.js";
import { runSteps } from "../../../src/timings/run-steps.js";
import { withDocPostings } from "../../../src/site/search/term-groups.js";
import { propertyRuns } from "../../support/property-runs.js";
import { makeRenderedPost } from "../../support/make-rendered-post.js";

const config = { ...defaultSiteConfig, search: true };

/** Writes the index into a map; `live` holds the last build's files by key, as the page ledger offers them. */
function build(posts: readonly RenderedPost[], cache?: ReturnType<typeof createTextCache>, live = new Map<string, { key: string; contents: string }>()) {
  const files = new Map<string, string>();
  const keyed = new Map<string, { key: string; contents: string }>();
  const made: string[] = [];
  const sink: SearchSink = {
    unchanged: (path, key) => (live.get(path)?.key === key ? { path, contents: live.get(path)?.contents ?? "" } : undefined),
    keep: (path, contents, key) => {
      expect(files.has(path)).toBe(false);
      files.set(path, contents);
      made.push(path);
      if (key !== undefined) keyed.set(path, { key, contents });
    },
    take: (file: OutputFile) => {
      expect(files.has(file.path)).toBe(false);
      files.set(file.path, String("contents" in file ? file.contents : ""));
      keyed.set(file.path, live.get(file.path) ?? { key: "", contents: "" });
    },
  };
  runSteps(siteSearchInSteps(posts, [], config, sink, cache));
  cache?.prune();
  return { files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1))), made, live: keyed };
}

// A small vocabulary, so that edits share groups and chunks; "th…" words many enough to split their group.
const vocabulary = ["kiwi", "kiln", "kayak", "lamp", "lantern", "2024", "20", "café", "ferry", "fern", "the", "then", "ki", "x1",
  ...Array.from({ length: 40 }, (_, i) => `th${"abcdefghij"[i % 10]}${"klmno"[i % 5]}word${i}`)];
const words = fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 });
const postOf = (slug: string, body: readonly string[], heading: readonly string[]) =>
  makeRenderedPost({ slug, title: `On ${slug}`, html: `<p>${body.join(" ")}</p><h2 id="more">${heading.join(" ")}</h2><p>${body.slice(0, 3).join(" ")}</p>` });

describe("the search index patched after an edit", () => {
  it("is byte for byte the index made whole from the same pages, through any run of edits", () => {
    const site = fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 6 });
    // A post edited, a new post (the newest: first in the list, last in the index), or one removed.
    const edit = fc.tuple(fc.constantFrom("edit", "edit", "new", "remove"), fc.nat(), words, words);
    fc.assert(
      fc.property(site, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const cache = createTextCache();
        let made = 0;
        const pages = start.map(([body, heading]) => ({ slug: `p${made++}`, body, heading }));
        let out = build(pages.map((p) => postOf(p.slug, p.body, p.heading)), cache);
        for (const [kind, at, body, heading] of edits) {
          if (kind === "new") pages.unshift({ slug: `p${made++}`, body, heading });
          else if (kind === "remove" && pages.length > 1) pages.splice(at % pages.length, 1);
          else pages[at % pages.length] = { ...(pages[at % pages.length] as { slug: string }), body, heading };
          const posts = pages.map((p) => postOf(p.slug, p.body, p.heading));
          out = build(posts, cache, out.live);
          expect(out.files).toEqual(build(posts).files);
        }
      }),
      { ...propertyRuns, numRuns: 300 },
    );
  });

  it("adds a new post at the index's end: only the chunks of its words are made", () => {
    const posts = [postOf("b", ["kayak", "lamp"], ["fern"]), postOf("a", ["kiwi", "lamp"], ["ferry"])];
    const cache = createTextCache();
    const first = build(posts, cache);
    const added = [postOf("c", ["lantern"], []), ...posts];
    const second = build(added, cache, first.live);
    expect(second.files).toEqual(build(added).files);
    // "lantern" and the title's "on" and "c": the "la", "on" chunks; "kiwi", "kayak", "fern…" stay as they were.
    const chunksMade = second.made.filter((p) => p.includes("/terms.")).map((p) => second.files[p] ?? "");
    expect(chunksMade.some((text) => text.includes('"lantern"'))).toBe(true);
    expect(chunksMade.some((text) => text.includes('"kiwi"') || text.includes('"fern"'))).toBe(false);
  });

  it("makes only the chunks of the words an edit changed, and reads only the edited page's counts", () => {
    const many = Array.from({ length: 3000 }, (_, i) => `kiw${i}`).join(" ");
    const posts = [postOf("a", [many, "lamp"], ["ferry"]), postOf("b", ["kayak", "lamp"], ["fern"])];
    const cache = createTextCache();
    const first = build(posts, cache);
    const edited = [posts[0] as RenderedPost, postOf("b", ["kayak", "lamp", "lantern"], ["fern"])];
    const second = build(edited, cache, first.live);
    expect(second.files).toEqual(build(edited).files);
    const chunksMade = second.made.filter((p) => p.includes("/terms."));
    // "lantern" joins the "la" chunk; the 3,000 "kiw…" words' chunk is taken as the live output has it.
    expect(chunksMade).toHaveLength(1);
    expect(second.files[chunksMade[0] ?? ""]).toContain('"lantern"');
    expect(second.made.filter((p) => p.includes("/doc."))).toHaveLength(1);
    // A word of the split group: its chunks are made again, split as a whole build splits them.
    const third = [posts[0] as RenderedPost, postOf("b", ["kayak", "kiwi", "ki", "kiw7"], ["fern"])];
    const after = build(third, cache, second.live);
    expect(after.files).toEqual(build(third).files);
    expect(after.made.filter((p) => p.includes("/terms.")).length).toBeGreaterThan(1);
  });

  it("keeps every chunk of the index in the cache, those the live output had too: the next edit is patched", () => {
    const posts = [postOf("a", ["lamp", "kiwi"], []), postOf("b", ["kayak", "fern"], [])];
    const base = createTextCache();
    const pageReads: string[] = [];
    const cache = { ...base, texts: (kind: string, key: string, make: () => readonly string[]) => (kind === "search-page" && pageReads.push(key), base.texts(kind, key, make)) };
    const first = build(posts, cache);
    // An edit of "lamp"'s group: the "ki" and "fe" chunks are the live output's, untouched by it.
    const second = build([postOf("a", ["lamp", "lantern", "kiwi"], []), posts[1] as RenderedPost], cache, first.live);
    pageReads.length = 0;
    // Then an edit of "kiwi"'s group: its chunk is read from the cache, and the edited page's entry once.
    const edited = [postOf("a", ["lamp", "lantern", "kiwis"], []), posts[1] as RenderedPost];
    const third = build(edited, cache, second.live);
    expect(third.files).toEqual(build(edited).files);
    expect(pageReads).toHaveLength(1);
  });

  it("is made whole, reading no chunk, when more than a twentieth of the pages changed", () => {
    // 170 posts: at most 8.5 changed pages are patched in.
    const posts = Array.from({ length: 170 }, (_, i) => postOf(`p${i}`, [vocabulary[i % vocabulary.length] ?? ""], []));
    const base = createTextCache();
    let chunkReads = 0;
    const cache = { ...base, stored: (digest: string) => {
      const texts = base.stored(digest);
      if (texts?.[0]?.startsWith("{")) chunkReads++;
      return texts;
    } };
    const first = build(posts, cache);
    const edited = posts.map((post, i) => (i < 12 ? postOf(`p${i}`, ["lantern", "ferry"], []) : post));
    const second = build(edited, cache, first.live);
    expect(second.files).toEqual(build(edited).files);
    expect(chunkReads).toBe(0);
  });

  it("is made whole when the cache no longer holds a chunk the patch must read", () => {
    const posts = [postOf("a", ["lamp"], []), postOf("b", ["kayak"], [])];
    const cache = createTextCache();
    build(posts, cache);
    const empty = createTextCache();
    // A cache that kept the state and the pages, but not the chunks: as after a damaged entry.
    const partial = { ...cache, stored: (digest: string) => (cache.stored(digest)?.[0]?.startsWith("{") ? undefined : cache.stored(digest)) };
    const edited = [postOf("a", ["lamp", "lantern"], []), posts[1] as RenderedPost];
    expect(build(edited, partial).files).toEqual(build(edited, empty).files);
  });
});

describe("a term's postings with one doc's replaced", () => {
  it("keep docs ascending, as distances, with the doc's own in the place of its old ones", () => {
    // docs 1, 3 (two sections), 4
    const postings = [1, 0, 1, 2, 0, 1, 0, 1, 2, 1, 0, 1];
    expect(withDocPostings(postings, 3, [2, 7])).toEqual([1, 0, 1, 2, 2, 7, 1, 0, 1]);
    expect(withDocPostings(postings, 3, [])).toEqual([1, 0, 1, 3, 0, 1]);
    expect(withDocPostings(postings, 0, [0, 5])).toEqual([0, 0, 5, 1, 0, 1, 2, 0, 1, 0, 1, 2, 1, 0, 1]);
    expect(withDocPostings(postings, 9, [0, 5])).toEqual([...postings, 5, 0, 5]);
    expect(withDocPostings([], 2, [0, 1])).toEqual([2, 0, 1]);
  });
});
