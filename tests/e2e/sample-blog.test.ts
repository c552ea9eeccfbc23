import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOutput, repoRoot, runCli, snapshot, tempDir } from "../support/run-cli.js";

/** Builds the repository's own sample blog, as `npm run build` does, into a temp folder. */
async function buildSample(...flags: string[]) {
  const out = path.join(tempDir(), "site");
  const run = await runCli(["build", "--root", repoRoot, "--out", out, ...flags]);
  return { out, run };
}

describe("the sample blog", () => {
  it("builds with no errors or warnings into index, post pages, feed, 404 and public files", async () => {
    const { out, run } = await buildSample();
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toMatch(/built \d+ posts, \d+ pages into .*\(0 errors, 0 warnings\)/);
    const expected = ["index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html",
      "archive/index.html", "tags/index.html", "about/index.html", "favicon.svg"];
    for (const file of expected) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    expect(readdirSync(path.join(out, "assets")).filter((f) => /^style\.[0-9a-f]{8}\.css$/.test(f))).toHaveLength(1);
    const posts = readdirSync(path.join(out, "posts"));
    expect(posts.length).toBeGreaterThanOrEqual(5);
    for (const slug of posts) expect(existsSync(path.join(out, "posts", slug, "index.html"))).toBe(true);
  });

  it("leaves drafts out, and puts them in, marked, with --drafts", async () => {
    const normal = await buildSample();
    const withDrafts = await buildSample("--drafts");
    const count = (out: string) => readdirSync(path.join(out, "posts")).length;
    expect(count(withDrafts.out)).toBe(count(normal.out) + 1);
    const draftSlug = readdirSync(path.join(withDrafts.out, "posts")).find(
      (slug) => !existsSync(path.join(normal.out, "posts", slug)),
    )!;
    expect(readOutput(withDrafts.out, `posts/${draftSlug}/index.html`)).toMatch(/draft/i);
    expect(readOutput(normal.out, "feed.xml")).not.toContain(`/posts/${draftSlug}/`);
  });

  it("gives byte-identical output for the same input", async () => {
    const first = await buildSample();
    const second = await buildSample();
    expect(snapshot(second.out)).toEqual(snapshot(first.out));
  });

  it("never writes outside the output and its generations folder: no lock, link or staging folder is left", async () => {
    const { out } = await buildSample();
    expect(readdirSync(path.dirname(out)).sort()).toEqual(["site", "site.generations"]);
    expect(readdirSync(`${out}.generations`).sort()).toEqual([".gitignore", "a"]);
  });

  it("resolves post links, citations and the resource list in the built pages", async () => {
    const { out } = await buildSample();
    const pages = readdirSync(path.join(out, "posts")).map((slug) => readOutput(out, `posts/${slug}/index.html`));
    const all = pages.join("\n");
    expect(all).toMatch(/<section[^>]*id="resources"/);
    expect(all).toMatch(/id="resource-1"/);
    expect(all).toMatch(/href="#resource-\d+"/);
    expect(all).toMatch(/href="\/posts\/[a-z0-9-]+\/(#[a-z0-9-]+)?"/);
    expect(all).not.toMatch(/href="\.\/posts\//);
  });

  it("lists the About page in the navigation of every page, and never as a post", async () => {
    const { out } = await buildSample();
    expect(readOutput(out, "index.html")).toMatch(/<nav[^>]*>[\s\S]*href="\/about\/"[\s\S]*<\/nav>/);
    expect(readOutput(out, "feed.xml")).not.toContain("/about/");
    expect(readOutput(out, "archive/index.html")).not.toContain('href="/about/"><');
    expect(readOutput(out, "sitemap.xml")).toContain("<loc>https://example.com/about/</loc>");
  });
});
