import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
