import { describe, expect, it } from "vitest";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { nextBuiltSite, type BuiltSite } from "../../src/dev/built-site.js";
import type { PostKind, RenderedPost } from "../../src/model.js";
import type { SiteSources } from "../../src/read/read-site.js";

const config = resolveSiteConfig(undefined, "https://example.com/").config;
const sources = {} as SiteSources;

/** A rendering as far as BuiltSite looks at one: its post and the slugs its links name. */
function rendered(path: string, slug: string, links: string[], kind: PostKind = "post", published = "2024-01-01"): RenderedPost {
  const text = `!! title: ${slug}\n!! slug: ${slug}\n!! published: ${published}\n\n---\n\nText.\n`;
  const post = parsePost({ path, text }, config, kind).post!;
  return { post, postLinks: links.map((s) => ({ slug: s, fragment: undefined, line: 1, column: 1 })) } as unknown as RenderedPost;
}

function view(built: BuiltSite) {
  return {
    order: built.index.posts.map((p) => p.source.path),
    links: [...built.index.links.posts].sort(([a], [b]) => (a < b ? -1 : 1)),
    referrers: [...built.referrers].map(([slug, paths]) => [slug, [...paths].sort()]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    pages: built.pages.map((p) => p.post.source.path).sort(),
  };
}

const build = (renders: RenderedPost[]) => ({ sources, config, plugins: undefined, renders: new Map(renders.map((r) => [r.post.source.path, r])) });

describe("what a build leaves for quick answers", () => {
  it("patched build after build, equals what one build from scratch gives", () => {
    const a = rendered("posts/a.md", "a", ["b"]);
    const b = rendered("posts/b.md", "b", ["a", "c"], "post", "2024-02-01");
    const c = rendered("posts/c.md", "c", []);
    const about = rendered("pages/about.md", "about", ["a"], "page");
    const builds = [
      [a, b, c, about],
      [a, rendered("posts/b.md", "b", ["c"], "post", "2024-02-01"), c, about], // b no longer links a
      [a, rendered("posts/b.md", "b2", ["c"], "post", "2023-01-01"), c, about], // new slug, new place
      [a, c, rendered("pages/about.md", "about", [], "page")], // b deleted, the page changed
      [a, c, rendered("posts/d.md", "d", ["a", "a", "z"])], // a new post linking twice, and to nothing
    ];
    let built: BuiltSite | undefined;
    for (const renders of builds) {
      built = nextBuiltSite(built, build(renders));
      expect(view(built!)).toEqual(view(nextBuiltSite(undefined, build(renders))!));
    }
    expect(built!.referrers.get("a")).toEqual(new Set(["posts/d.md"]));
    expect(built!.referrers.has("c")).toBe(false);
  });

  it("does not change the previous one's referrers", () => {
    const first = nextBuiltSite(undefined, build([rendered("posts/a.md", "a", ["b"]), rendered("posts/b.md", "b", [])]))!;
    nextBuiltSite(first, build([rendered("posts/a.md", "a", []), rendered("posts/b.md", "b", [])]));
    expect(first.referrers.get("b")).toEqual(new Set(["posts/a.md"]));
  });
});
