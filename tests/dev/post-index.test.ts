import { describe, expect, it } from "vitest";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { indexPosts, replacePost, type PostIndex } from "../../src/dev/post-index.js";
import type { Post } from "../../src/model.js";

const config = resolveSiteConfig(undefined, "https://example.com/blog/").config;

function post(path: string, fields: { title?: string; slug: string; published?: string; tags?: string; draft?: boolean }): Post {
  const lines = [
    `!! title: ${fields.title ?? fields.slug.toUpperCase()}`,
    `!! slug: ${fields.slug}`,
    ...(fields.published ? [`!! published: ${fields.published}`] : []),
    ...(fields.tags ? [`!! tags: ${fields.tags}`] : []),
    ...(fields.draft ? ["!! draft: true"] : []),
  ];
  const parsed = parsePost({ path, text: `${lines.join("\n")}\n\n---\n\nBody of ${fields.slug}.\n` }, config, "post");
  if (!parsed.post) throw new Error(`no post: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.post;
}

/** Everything an index says, in a form that compares by value (the link index as sorted entries). */
function view(index: PostIndex) {
  const sorted = <V>(map: ReadonlyMap<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    order: index.posts.map((p) => p.source.path),
    byPath: sorted(index.byPath).map(([path, p]) => [path, p.meta.slug]),
    slugOwners: sorted(index.slugOwners),
    links: sorted(index.links.posts),
    linkCount: index.links.posts.size,
    tagged: index.tagged,
  };
}

const start = [
  post("posts/a.md", { slug: "a", published: "2024-01-01", tags: "x" }),
  post("posts/b.md", { slug: "b", published: "2024-02-01" }),
  post("posts/c.md", { slug: "c", published: "2024-03-01", tags: "x, y" }),
  post("posts/d.md", { slug: "d", published: "2024-02-01" }),
  post("posts/e.md", { slug: "e", draft: true }),
];

/** Applies one replacement to the index and to the list, and checks the index against one made from scratch. */
function step(index: PostIndex, list: Post[], path: string, next: Post | undefined): [PostIndex, Post[]] {
  const replaced = replacePost(index, path, next);
  const nextList = [...list.filter((p) => p.source.path !== path), ...(next ? [next] : [])];
  const fresh = indexPosts(nextList);
  expect(replaced).toBeDefined();
  expect(fresh).toBeDefined();
  expect(view(replaced!)).toEqual(view(fresh!));
  return [replaced!, nextList];
}

describe("the dev server's post index", () => {
  it("orders like collectPosts and indexes links, owners and tagged posts", () => {
    const index = indexPosts(start)!;
    expect(index.posts.map((p) => p.meta.slug)).toEqual(["e", "c", "b", "d", "a"]);
    expect(index.links.posts.get("c")).toEqual({ slug: "c", url: "/blog/posts/c/", title: "C" });
    expect(index.tagged).toBe(2);
  });

  it("stays equal to an index from scratch through edits, new dates, new slugs, tags, additions and deletions", () => {
    let index = indexPosts(start)!;
    let list = [...start];
    const edits: Array<[string, Post | undefined]> = [
      ["posts/b.md", post("posts/b.md", { slug: "b", published: "2024-02-01", title: "B retitled" })],
      ["posts/a.md", post("posts/a.md", { slug: "a", published: "2025-01-01", tags: "x" })], // moves to the top
      ["posts/d.md", post("posts/d.md", { slug: "d-renamed", published: "2024-02-01" })], // a new URL
      ["posts/b.md", post("posts/b.md", { slug: "b", published: "2024-02-01", tags: "z" })], // gains a tag
      ["posts/c.md", post("posts/c.md", { slug: "c", published: "2024-03-01" })], // loses its tags
      ["posts/e.md", undefined], // deleted
      ["posts/f.md", post("posts/f.md", { slug: "d", published: "2023-06-01" })], // added, taking a freed slug
      ["posts/a.md", post("posts/a.md", { slug: "a", published: "2024-02-01", tags: "x" })], // a tie, broken by slug
      ["posts/d.md", undefined],
      ["posts/d.md", post("posts/d.md", { slug: "e", draft: true })], // back under the deleted post's slug
    ];
    for (const [path, next] of edits) [index, list] = step(index, list, path, next);
    expect(index.posts.map((p) => p.meta.slug)).toEqual(["e", "c", "a", "b", "d"]);
    expect(index.links.posts.has("d-renamed")).toBe(false);
    expect(index.tagged).toBe(2);
  });

  it("stays equal through many random edits (a fixed seed)", () => {
    let seed = 20250101;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let index = indexPosts(start)!;
    let list = [...start];
    for (let i = 0; i < 300; i++) {
      const path = `posts/p${random(8)}.md`;
      const slug = `s${random(12)}`;
      const owner = index.slugOwners.get(slug);
      if (random(5) === 0) {
        [index, list] = step(index, list, path, undefined);
      } else if (owner === undefined || owner === path) {
        const published = random(4) === 0 ? undefined : `2024-0${1 + random(9)}-1${random(9)}`;
        const next = post(path, { slug, published, draft: published === undefined, tags: random(2) ? "t" : undefined });
        [index, list] = step(index, list, path, next);
      }
    }
  });

  it("refuses a slug that another post has, and a second post with the same slug from scratch", () => {
    const index = indexPosts(start)!;
    expect(replacePost(index, "posts/a.md", post("posts/a.md", { slug: "b", published: "2024-01-01" }))).toBeUndefined();
    expect(indexPosts([...start, post("posts/z.md", { slug: "a", published: "2024-01-01" })])).toBeUndefined();
  });
});
