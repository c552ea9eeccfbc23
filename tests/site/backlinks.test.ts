import { describe, expect, it } from "vitest";
import { collectBacklinks } from "../../src/site/backlinks.js";
import { makeRenderedPost } from "../support/make-rendered-post.js";

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

describe("collectBacklinks", () => {
  it("lists who links to each post, newest first, once each, without self-links", () => {
    const target = makeRenderedPost({ slug: "target", published: day(1), linksTo: ["target"] });
    const older = makeRenderedPost({ slug: "older", published: day(2), linksTo: ["target", "target"] });
    const newer = makeRenderedPost({ slug: "newer", published: day(5), linksTo: ["target", "older", "missing"] });
    const about = makeRenderedPost({ slug: "about", kind: "page", title: "About", linksTo: ["target"] });
    const backlinks = collectBacklinks([newer, older, target, about]);
    expect(backlinks.get("/posts/target/")).toEqual([
      { title: "Post newer", url: "/posts/newer/" },
      { title: "Post older", url: "/posts/older/" },
      { title: "About", url: "/about/" },
    ]);
    expect(backlinks.get("/posts/older/")).toEqual([{ title: "Post newer", url: "/posts/newer/" }]);
    expect(backlinks.has("/posts/newer/")).toBe(false);
  });

  it("gives a link to a slug that a page and a post share to the post", () => {
    const post = makeRenderedPost({ slug: "uses", published: day(1) });
    const page = makeRenderedPost({ slug: "uses", kind: "page" });
    const linker = makeRenderedPost({ slug: "x", published: day(2), linksTo: ["uses"] });
    const backlinks = collectBacklinks([page, linker, post]);
    expect([...backlinks.keys()]).toEqual(["/posts/uses/"]);
  });

  it("gives for one URL alone what it gives for every URL", () => {
    const post = makeRenderedPost({ slug: "uses", published: day(1), linksTo: ["x"] });
    const page = makeRenderedPost({ slug: "uses", kind: "page", linksTo: ["x", "uses"] });
    const about = makeRenderedPost({ slug: "about", kind: "page", linksTo: ["uses", "x"] });
    const linker = makeRenderedPost({ slug: "x", published: day(2), linksTo: ["uses", "about", "x"] });
    const all = [page, linker, post, about];
    const every = collectBacklinks(all);
    for (const url of all.map((r) => r.post.url)) {
      expect([...collectBacklinks(all, url)], url).toEqual(every.has(url) ? [[url, every.get(url)]] : []);
    }
  });

  it("handles many posts in one pass", () => {
    const posts = Array.from({ length: 3000 }, (_, i) =>
      makeRenderedPost({ slug: `p${i}`, published: day(1 + (i % 28)), linksTo: i === 0 ? [] : ["p0", `p${i - 1}`] }));
    const started = performance.now();
    const backlinks = collectBacklinks(posts);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(backlinks.get("/posts/p0/")).toHaveLength(2999);
  });
});
