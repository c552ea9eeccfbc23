import { describe, expect, it } from "vitest";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { builtSiteOf } from "../../src/dev/built-site.js";
import type { PostKind, RenderedPost, Rendering } from "../../src/model.js";
import type { SiteSources } from "../../src/read/read-site.js";

const config = resolveSiteConfig(undefined, "https://example.com/").config;
const build = { sources: {} as SiteSources, config, plugins: undefined };

/** A rendering as far as BuiltSite looks at one: its post and the slugs its links name. */
function rendered(path: string, slug: string, links: string[], kind: PostKind = "post", tags = ""): RenderedPost {
  const text = `!! title: ${slug}\n!! slug: ${slug}\n!! published: 2024-01-01\n${tags && `!! tags: ${tags}\n`}\n---\n\nText.\n`;
  const post = parsePost({ path, text }, config, kind).post!;
  return { post, postLinks: links.map((s) => ({ slug: s, fragment: undefined, line: 1, column: 1 })) } as unknown as RenderedPost;
}

describe("what a build leaves for quick answers", () => {
  const b = rendered("posts/b.md", "b", ["a", "c", "a"], "post", "notes");
  const a = rendered("posts/a.md", "a", ["b"]);
  const c = rendered("posts/c.md", "c", []);
  const about = rendered("pages/about.md", "about", ["a", "z"], "page");
  const built = builtSiteOf(undefined, build, [b, a, c, about]);

  it("keeps the posts in the build's order, and the pages apart", () => {
    expect(built.posts).toEqual([b.post, a.post, c.post]);
    expect(built.pages).toEqual([about]);
    expect(built.renders.get("pages/about.md")).toBe(about);
  });

  it("keeps the build's link index, who links to whom (each once) and how many posts have tags", () => {
    expect([...built.links.posts.keys()]).toEqual(["b", "a", "c"]);
    expect(built.linking.get("a")).toEqual([b, about]);
    expect(built.linking.get("z")).toEqual([about]);
    expect(built.linking.has("about")).toBe(false);
    expect(built.tagged).toBe(1);
  });

  it("patches who links to whom build after build to what one build from scratch gives, leaving the previous one as it was", () => {
    const view = (linking: ReadonlyMap<string, readonly Rendering[]>) =>
      [...linking].map(([slug, list]) => [slug, list.map((r) => r.post.source.path).sort()]).sort(([x], [y]) => (x! < y! ? -1 : 1));
    const builds = [
      [b, a, c, about],
      [rendered("posts/b.md", "b", ["c"]), a, c, about], // b no longer links a
      [a, rendered("posts/b.md", "b2", ["c", "a"]), c, about], // new slug, links a again
      [a, c, rendered("pages/about.md", "about", [])], // b deleted, the page changed
      [a, c, rendered("posts/d.md", "d", ["a", "z", "a"])], // a new post linking twice, and to nothing
    ];
    let last = builtSiteOf(undefined, build, builds[0]!);
    for (const next of builds.slice(1)) {
      const before = view(last.linking);
      const patched = builtSiteOf(last, build, next);
      expect(view(patched.linking)).toEqual(view(builtSiteOf(undefined, build, next).linking));
      expect(view(last.linking)).toEqual(before);
      last = patched;
    }
    expect(view(last.linking)).toEqual([["a", ["posts/d.md"]], ["b", ["posts/a.md"]], ["z", ["posts/d.md"]]]);
  });
});
