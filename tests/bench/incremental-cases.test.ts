import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { incrementalCases, type CaseContext, type IncrementalCase } from "../../bench/harness/incremental-cases.mjs";

// The bench's point: a fast build that left a stale page must read FAILED, never as a good time.
const byName = (name: string): IncrementalCase => {
  const found = incrementalCases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
};
const noDiff = { differing: [], changed: 0, added: 0, removed: 0, touched: false };

let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Three posts, newest first, and an output served from `pages`. */
async function context(pages: Map<string, string>): Promise<CaseContext> {
  dir = await mkdtemp(path.join(os.tmpdir(), "bench-cases-"));
  const posts = await Promise.all(["newer", "target", "older"].map(async (slug) => {
    const file = path.join(dir, `${slug}.md`);
    await writeFile(file, `!! title: The ${slug} post\n!! published: 2025-03-14\n\n---\n\nBody of ${slug}.\n\n## A heading\n\nMore.\n`);
    return { slug, file };
  }));
  return { corpus: { posts, editTarget: posts[1]!, dirs: { daylight: dir } }, page: async (rel) => pages.get(rel) ?? null };
}

const titlePages = ["posts/target/index.html", "posts/newer/index.html", "posts/older/index.html", "index.html", "archive/index.html", "feed.xml"];

describe("bench incremental cases", () => {
  it("edit-title passes only when every page that shows the title has the new one and none the old", async () => {
    const pages = new Map<string, string>();
    const ctx = await context(pages);
    const titleEdit = byName("edit-title");
    const state = await titleEdit.setup!(ctx);
    await titleEdit.apply(ctx, 1, state);
    expect(await readFile(ctx.corpus.posts[1]!.file, "utf8")).toMatch(/^!! title: The target post Benchtitle2x$/m);
    for (const rel of titlePages) pages.set(rel, "<a>The target post Benchtitle2x</a>");
    expect(await titleEdit.verify(ctx, 1, state, { diff: noDiff, saidNothingChanged: false })).toEqual([]);
    pages.set("posts/older/index.html", "<a>The target post Benchtitle1x</a>"); // a neighbour left stale
    pages.delete("feed.xml");
    expect(await titleEdit.verify(ctx, 1, state, { diff: noDiff, saidNothingChanged: false })).toEqual([
      'posts/older/index.html lacks "Benchtitle2x"',
      "feed.xml is missing",
    ]);
    await titleEdit.restore!(ctx, state);
    expect(await readFile(ctx.corpus.posts[1]!.file, "utf8")).toMatch(/^!! title: The target post$/m);
  });

  it("edit-body fails when the page still holds the previous run's edit", async () => {
    const pages = new Map([["posts/target/index.html", "bodymark1x bodymark2x"]]);
    const ctx = await context(pages);
    const bodyEdit = byName("edit-body");
    const state = await bodyEdit.setup!(ctx);
    await bodyEdit.apply(ctx, 1, state);
    expect(await readFile(ctx.corpus.editTarget.file, "utf8")).toContain("bodymark2x");
    expect(await bodyEdit.verify(ctx, 1, state, { diff: noDiff, saidNothingChanged: false })).toEqual(['posts/target/index.html still holds "bodymark1x"']);
  });

  it("rename moves the links into the post, and fails when a page still links to the old URL", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "bench-cases-"));
    // Five posts, newest first; the fourth (from the middle on) has its own slug and two posts link to it.
    const posts = await Promise.all(["p0", "p1", "p2", "p3", "p4"].map(async (slug, index) => {
      const file = path.join(dir, `${slug}.md`);
      const links = index < 2 ? "See [it](./posts/p3) and [again](/posts/p3#a-heading)." : "No links.";
      await writeFile(file, `!! title: Post ${slug}\n${index === 3 ? "!! slug: p3\n" : ""}!! published: 2025-03-14\n\n---\n\n${links}\n`);
      return { slug, file };
    }));
    const pages = new Map<string, string>();
    const ctx: CaseContext = { corpus: { posts, editTarget: posts[2]!, dirs: { daylight: dir } }, page: async (rel) => pages.get(rel) ?? null };
    const rename = byName("rename");
    const state = await rename.setup!(ctx);
    await rename.apply(ctx, 0, state);
    expect(await readFile(posts[3]!.file, "utf8")).toContain("!! slug: p3-renamed-1\n");
    expect(await readFile(posts[0]!.file, "utf8")).toContain("See [it](./posts/p3-renamed-1) and [again](/posts/p3-renamed-1#a-heading).");
    for (const slug of ["p3-renamed-1", "p0", "p1", "p2", "p4"]) pages.set(`posts/${slug}/index.html`, '<a href="/posts/p3-renamed-1/">');
    expect(await rename.verify(ctx, 0, state, { diff: noDiff, saidNothingChanged: false })).toEqual([]);
    pages.set("posts/p1/index.html", '<a href="/posts/p3-renamed-1/"> <a href="/posts/p3/#a-heading">');
    pages.set("posts/p3/index.html", "<h1>Post p3</h1>"); // the old page left behind
    expect(await rename.verify(ctx, 0, state, { diff: noDiff, saidNothingChanged: false })).toEqual([
      "posts/p3/index.html is still there",
      "posts/p1/index.html still links to /posts/p3/",
    ]);
    await rename.restore!(ctx, state);
    expect(await readFile(posts[0]!.file, "utf8")).toContain("See [it](./posts/p3) and");
  });

  it("no-change fails when the output changed, and says so louder when the report claimed nothing did", async () => {
    const noChange = byName("no-change");
    const ctx = await context(new Map());
    const diff = { ...noDiff, differing: ["index.html"], changed: 1, touched: true };
    expect(await noChange.verify(ctx, 0, {}, { diff: noDiff, saidNothingChanged: true })).toEqual([]);
    expect(await noChange.verify(ctx, 0, {}, { diff, saidNothingChanged: true })).toEqual([
      "1 output files changed with no source changed, yet the report said nothing changed",
    ]);
    expect(noChange.changesSources).toBe(false);
  });
});
