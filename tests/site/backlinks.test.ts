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

  it("handles many posts in one pass", () => {
    const posts = Array.from({ length: 3000 }, (_, i) =>
      makeRenderedPost({ slug: `p${i}`, published: day(1 + (i % 28)), linksTo: i === 0 ? [] : ["p0", `p${i - 1}`] }));
    const started = performance.now();
    const backlinks = collectBacklinks(posts);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(backlinks.get("/posts/p0/")).toHaveLength(2999);
  });
});
