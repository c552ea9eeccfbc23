import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildOutcome } from "../../src/dev/build-outcome.js";
import { repoRoot } from "../support/run-cli.js";
import { postText, rawGet, smallSite, useDevServer, waitFor } from "./dev-fixtures.js";

const dev = useDevServer();

/**
 * The words the dev server's current search index knows that start with `prefix`, read as
 * the theme's script reads them; undefined when a rebuild replaced the index between two of
 * the reads (the server keeps only the latest build's files, and the script then reads the
 * pointer again).
 */
async function indexedWords(serverUrl: string, prefix: string): Promise<string[] | undefined> {
  const json = async (url: URL): Promise<unknown> => {
    const response = await rawGet(serverUrl, url.pathname);
    return response.status === 200 ? JSON.parse(response.body) : undefined;
  };
  const pointerUrl = new URL("/search/index.json", serverUrl);
  const pointer = await json(pointerUrl) as { index: string } | undefined;
  if (pointer === undefined) return undefined;
  const entryUrl = new URL(pointer.index, pointerUrl);
  const entry = await json(entryUrl) as { chunks: Record<string, string> } | undefined;
  if (entry === undefined) return undefined;
  const chunk = entry.chunks[prefix.slice(0, 2)];
  if (chunk === undefined) return [];
  const terms = await json(new URL(chunk, entryUrl)) as Record<string, unknown> | undefined;
  return terms && Object.keys(terms).filter((t) => t.startsWith(prefix));
}

describe("search in the dev server", () => {
  it("serves the index, and the index follows an edit: a new post's words are found", async () => {
    const root = dev.site({
      ...smallSite,
      "site.config.json": JSON.stringify({ title: "Dev test", url: "https://example.com/", timezone: "UTC", search: true }),
    });
    const server = await dev.start(root);
    const pointer = await rawGet(server.url, "/search/index.json");
    expect(pointer.status).toBe(200);
    expect(pointer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(await indexedWords(server.url, "alpha")).toEqual(["alpha"]);
    expect(await indexedWords(server.url, "zanzibar")).toEqual([]);
    writeFileSync(path.join(root, "posts/gamma.md"), postText("Gamma", "gamma", "Notes from Zanzibar."));
    await waitFor(async () => ((await indexedWords(server.url, "zanzibar")) ?? []).length > 0, 60_000, "the new post in the index");
    expect((await rawGet(server.url, "/search/")).body).toContain('data-index="/search/index.json"');
  });
});

describe("a new post in the dev server", () => {
  it("is served and found before the lists it shifts are made again, and a failed build takes that back", async () => {
    // The lists are made slow on purpose: 40 index pages (one post each), each of which counts
    // to 5,000 first. The server answers requests between two of them.
    const builtinIndex = readFileSync(path.join(repoRoot, "templates/index.liquid"), "utf8");
    const slowIndex = builtinIndex.replace("{%- block content %}", "{%- block content %}{%- for i in (1..5000) %}{% assign x = i | plus: 1 %}{% endfor -%}");
    expect(slowIndex).not.toBe(builtinIndex);
    const posts = Object.fromEntries(Array.from({ length: 38 }, (_, i) => [`posts/p${i}.md`, postText(`P${i}`, `p${i}`, `Post ${i}.`, `2023-01-${String(1 + (i % 28)).padStart(2, "0")}`)]));
    const root = dev.site({
      ...smallSite,
      ...posts,
      "site.config.json": JSON.stringify({ title: "Dev test", url: "https://example.com/", timezone: "UTC", postsPerPage: 1 }),
      "templates/index.liquid": slowIndex,
      // No post has a tag yet: the first one to have one fails the build, after its page and words are made.
      "templates/tag.liquid": "{{ nothing.here }}",
    });
    const builds: BuildOutcome[] = [];
    const server = await dev.start(root, { onBuild: (outcome) => builds.push(outcome) });
    await server.idle();
    const before = builds.length;
    writeFileSync(path.join(root, "posts/gamma.md"), postText("Gamma", "gamma", "Notes from Zanzibar.", "2024-03-06"));
    await waitFor(async () => ((await indexedWords(server.url, "zanzibar")) ?? []).length > 0, 60_000, "the new post in the index");
    expect((await rawGet(server.url, "/posts/gamma/")).status).toBe(200);
    expect(builds.length).toBe(before); // its whole build is still making the lists
    expect((await rawGet(server.url, "/")).body).not.toContain("/posts/gamma/");
    await waitFor(() => builds.length > before, 60_000, "the whole build of the new post");
    await server.idle();
    expect(builds.map((b) => b.ok)).toEqual([...builds.slice(0, before).map((b) => b.ok), true]);
    expect((await rawGet(server.url, "/")).body).toContain("/posts/gamma/");

    // A build that fails after serving a new post ahead (its tag page has an error) takes it back.
    const built = builds.length;
    writeFileSync(path.join(root, "posts/delta.md"), "!! title: Delta\n!! published: 2024-03-07\n!! tags: travel\n\nWords of Timbuktu.\n");
    await waitFor(() => builds.length > built, 60_000, "the build of the tagged post");
    await server.idle();
    expect(builds.at(-1)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ rule: "template-error", file: "templates/tag.liquid" })] });
    expect(await indexedWords(server.url, "timbuktu")).toEqual([]);
    expect((await rawGet(server.url, "/posts/delta/")).status).toBe(404);
    // And a build with an error before its pages are made serves nothing ahead either.
    const failed = builds.length;
    writeFileSync(path.join(root, "posts/delta.md"), postText("Delta", "delta", "Words of Timbuktu, [to nowhere](./posts/nowhere)."));
    await waitFor(() => builds.length > failed, 60_000, "the build of the post with a broken link");
    await server.idle();
    expect(builds.at(-1)?.ok).toBe(false);
    expect(await indexedWords(server.url, "timbuktu")).toEqual([]);
  });
});
