import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type BuildOptions } from "../../src/config/site-config.js";
import { collectPosts, placePost } from "../../src/content/collect-posts.js";
import { buildLinkIndex, replaceInLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import type { Post } from "../../src/model.js";

const now = new Date("2025-06-01T00:00:00Z");
const options: BuildOptions = { drafts: false, future: false, strict: false, now };

function post(path: string, header: string): Post {
  const { post, diagnostics } = parsePost({ path, text: `${header}\n\nBody\n` }, defaultSiteConfig);
  if (!post) throw new Error(`test post did not parse: ${JSON.stringify(diagnostics)}`);
  return post;
}

const a = post("posts/a.md", "!! title: A\n!! published: 2025-01-01");
const b = post("posts/b.md", "!! title: B\n!! published: 2025-03-01");
const c = post("posts/c.md", "!! title: C\n!! published: 2025-03-01");
const draft = post("posts/d.md", "!! title: D\n!! draft: true");
const future = post("posts/f.md", "!! title: F\n!! published: 2025-12-24");
const slugs = (posts: readonly Post[]) => posts.map((p) => p.meta.slug);

describe("collectPosts", () => {
  it("sorts newest first, then by slug", () => {
    expect(slugs(collectPosts([a, c, b], options).posts)).toEqual(["b", "c", "a"]);
  });

  it("leaves out drafts and future posts unless asked", () => {
    expect(slugs(collectPosts([a, draft, future], options).posts)).toEqual(["a"]);
    expect(slugs(collectPosts([a, draft, future], { ...options, drafts: true }).posts)).toEqual(["d", "a"]);
    expect(slugs(collectPosts([a, draft, future], { ...options, future: true }).posts)).toEqual(["f", "a"]);
  });

  it("counts a post published exactly now as published", () => {
    const atNow = post("posts/n.md", "!! title: N\n!! published: 2025-06-01");
    expect(slugs(collectPosts([atNow], options).posts)).toEqual(["n"]);
  });

  it("reports every later file claiming a slug, at its slug line", () => {
    const one = post("posts/2024/one.md", "!! title: One\n!! published: 2025-01-01\n!! slug: same");
    const two = post("posts/2025/two.md", "!! title: Two\n!! slug: same\n!! published: 2025-02-01");
    const three = post("posts/same.md", "---\ntitle: Three\npublished: 2025-02-01\n---");
    const { posts, diagnostics } = collectPosts([three, two, one], options);
    expect(posts.map((p) => p.source.path)).toEqual(["posts/2024/one.md"]);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([
      ["duplicate-slug", "posts/2025/two.md", 2, 10],
      ["duplicate-slug", "posts/same.md", 1, 1],
    ]);
    expect(`${diagnostics[0]?.message} ${diagnostics[0]?.hint}`).toContain("posts/2024/one.md");
  });

  it("gives the same posts and diagnostics whatever order the posts come in", () => {
    const twin = post("posts/0.md", "!! title: Twin\n!! slug: b\n!! published: 2024-01-01");
    const triplet = post("posts/z.md", "!! title: Z\n!! slug: b\n!! published: 2025-04-01");
    const all = [a, b, c, twin, triplet];
    const orders = [all, [...all].reverse(), [c, triplet, a, twin, b], [triplet, b, twin, c, a]];
    const results = orders.map((order) => collectPosts(order, options));
    expect(results[0]?.posts.map((p) => p.source.path)).toEqual(["posts/c.md", "posts/a.md", "posts/0.md"]);
    expect(results[0]?.diagnostics.map((d) => d.file)).toEqual(["posts/b.md", "posts/z.md"]);
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it("finds the slug line of a YAML post", () => {
    const one = post("posts/x.md", "!! title: X\n!! published: 2025-01-01");
    const two = post("posts/y.md", "---\ntitle: Y\nslug: x\npublished: 2025-01-01\n---");
    const { diagnostics } = collectPosts([one, two], options);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([["duplicate-slug", 3, 7]]);
  });

  it("checks slugs across drafts too", () => {
    const twin = post("posts/e.md", "!! title: E\n!! slug: d\n!! published: 2025-01-01");
    expect(collectPosts([draft, twin], options).diagnostics.map((d) => d.rule)).toEqual(["duplicate-slug"]);
  });
});

describe("collectPosts with pages", () => {
  function page(path: string, header: string): Post {
    const { post, diagnostics } = parsePost({ path, text: `${header}\n\nBody\n` }, defaultSiteConfig, "page");
    if (!post) throw new Error(`test page did not parse: ${JSON.stringify(diagnostics)}`);
    return post;
  }

  it("keeps pages without a date and pages dated in the future; hides draft pages unless asked", () => {
    const about = page("pages/about.md", "!! title: About");
    const later = page("pages/later.md", "!! title: Later\n!! published: 2030-01-01");
    const hidden = page("pages/hidden.md", "!! title: Hidden\n!! draft: true");
    expect(slugs(collectPosts([about, later, hidden], options).posts).sort()).toEqual(["about", "later"]);
    expect(slugs(collectPosts([about, later, hidden], { ...options, drafts: true }).posts).sort()).toEqual(["about", "hidden", "later"]);
  });

  it("names the page URL in a duplicate-slug hint", () => {
    const one = page("pages/a/about.md", "!! title: One");
    const two = page("pages/b/about.md", "!! title: Two");
    const { diagnostics } = collectPosts([one, two], options);
    expect(diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([["duplicate-slug", "pages/b/about.md", 1, 1]]);
    expect(diagnostics[0]?.hint).toContain("/about/");
    expect(diagnostics[0]?.hint).not.toContain("/posts/");
  });
});

describe("buildLinkIndex", () => {
  it("maps each slug to its URL (what a rendering reads of it)", () => {
    const index = buildLinkIndex([a, b]);
    expect([...index.posts.keys()]).toEqual(["a", "b"]);
    expect(index.posts.get("b")).toEqual({ slug: "b", url: "/posts/b/" });
  });
});

describe("placePost", () => {
  const undated = post("posts/u.md", "!! title: U\n!! draft: true");
  const sameDay = post("posts/bb.md", "!! title: BB\n!! slug: bb\n!! published: 2025-03-01");
  const all = [a, b, c, draft, future, undated, sameDay];

  it("puts each post where collectPosts of all of them would", () => {
    const everything = { ...options, drafts: true, future: true };
    const collected = collectPosts(all, everything).posts;
    for (const one of all) {
      const others = collectPosts(all.filter((p) => p !== one), everything).posts;
      expect(placePost(others, one, everything), one.meta.slug).toBe(collected.indexOf(one));
    }
  });

  it("places nothing the options do not publish", () => {
    const others = collectPosts([a, b], options).posts;
    expect(placePost(others, draft, options)).toBeUndefined();
    expect(placePost(others, future, options)).toBeUndefined();
    expect(placePost(others, c, options)).toBe(1);
  });
});

describe("replaceInLinkIndex", () => {
  const sorted = (index: ReturnType<typeof buildLinkIndex>) => [...index.posts].sort(([x], [y]) => (x < y ? -1 : 1));

  it("holds the entries buildLinkIndex gives with one post edited, added, or given a new slug", () => {
    const index = buildLinkIndex([a, b, c]);
    const retitled = post("posts/b.md", "!! title: B renamed\n!! published: 2025-03-01");
    const moved = post("posts/b.md", "!! title: B\n!! slug: b2\n!! published: 2025-03-01");
    expect(sorted(replaceInLinkIndex(index, b, retitled)!)).toEqual(sorted(buildLinkIndex([a, retitled, c])));
    expect(sorted(replaceInLinkIndex(index, b, moved)!)).toEqual(sorted(buildLinkIndex([a, moved, c])));
    expect(sorted(replaceInLinkIndex(index, undefined, future)!)).toEqual(sorted(buildLinkIndex([a, b, c, future])));
    expect(sorted(index)).toEqual(sorted(buildLinkIndex([a, b, c])));
  });

  it("gives none when the new slug is another post's", () => {
    const takesA = post("posts/b.md", "!! title: B\n!! slug: a\n!! published: 2025-03-01");
    expect(replaceInLinkIndex(buildLinkIndex([a, b]), b, takesA)).toBeUndefined();
  });
});
