import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDeploy } from "../../src/cli/deploy-command.js";
import { serveFolder } from "../../tools/deploy-simulation/static-server.js";
import { makeBlog } from "../support/make-blog.js";
import { runCli, tempDir } from "../support/run-cli.js";

const silent = { out: () => {}, err: () => {} };
const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

/** What searching from a page did: every file it asked for, with its status, and the result URLs. */
interface Search { readonly fetched: [string, number][]; readonly results: string[] }

/**
 * Searches `query` from a page's HTML as the theme's script does (its script element, then the
 * pointer, the entry, the word's chunk and the results' fragments), and asks for each result's page.
 */
async function searchFrom(html: string, origin: string, pageUrl: string, query: string): Promise<Search> {
  const fetched: [string, number][] = [];
  const get = async (url: URL) => {
    const response = await fetch(url);
    fetched.push([url.pathname, response.status]);
    return response.ok ? await response.text() : undefined;
  };
  const [, script = "", index = ""] = /<script src="([^"]+)" defer data-index="([^"]+)">/.exec(html) ?? [];
  const base = new URL(pageUrl, origin);
  await get(new URL(script, base));
  const pointerUrl = new URL(index, base);
  const pointer = JSON.parse((await get(pointerUrl)) ?? "{}") as { index?: string };
  const entryUrl = new URL(pointer.index ?? "missing", pointerUrl);
  const entry = JSON.parse((await get(entryUrl)) ?? "{}") as { docs?: string[]; chunks?: Record<string, string> };
  const chunkName = entry.chunks?.[query.slice(0, 2)];
  const chunk = chunkName === undefined ? {} : JSON.parse((await get(new URL(chunkName, entryUrl))) ?? "{}") as Record<string, number[]>;
  const docs = new Set<number>();
  for (const [term, list] of Object.entries(chunk)) if (term.startsWith(query)) for (let i = 0, doc = 0; i < list.length; i += 3) docs.add((doc += list[i]!));
  const results: string[] = [];
  for (const doc of docs) {
    const fragment = JSON.parse((await get(new URL(entry.docs?.[doc] ?? "missing", entryUrl))) ?? "{}") as { url?: string };
    results.push(fragment.url ?? "");
    await get(new URL(fragment.url ?? "missing", origin));
  }
  return { fetched, results };
}

describe("search across deploys", () => {
  it("a page of the previous generation still searches, during the next deploy and after it", async () => {
    const root = makeBlog({
      "posts/lantern.md": post("Lantern basics", "2024-05-01", "## Trimming the wick\n\nA trimmed wick burns evenly."),
    }, { title: "Lamps", url: "https://example.com/blog/", search: true });
    const www = tempDir();
    const outDir = path.join(root, "dist");
    const deploy = (hooks = {}) => runDeploy({ root, outDir, to: www, force: false, dryRun: false, maxDeletes: Number.MAX_SAFE_INTEGER }, silent, hooks);
    expect((await runCli(["build", "--root", root, "--out", outDir])).code).toBe(0);
    expect(await deploy()).toBe(0);
    const server = await serveFolder(www, "/blog/");
    try {
      // A reader's tab holds this page of generation N while N+1 is deployed.
      const pageUrl = "/blog/posts/lantern/";
      const oldPage = await (await fetch(new URL(pageUrl, server.origin))).text();
      expect((await searchFrom(oldPage, server.origin, pageUrl, "wick")).results).toEqual([pageUrl]);
      // N+1: the post's text changes (so does every index file's name) and a post is added.
      writeFileSync(path.join(root, "posts/lantern.md"), post("Lantern basics", "2024-05-01", "## Trimming the wick\n\nA wick, trimmed, burns evenly and long."));
      writeFileSync(path.join(root, "posts/candle.md"), post("Candles", "2024-06-01", "A candle has a wick too."));
      expect((await runCli(["build", "--root", root, "--out", outDir])).code).toBe(0);
      const searches: Search[] = [];
      expect(await deploy({ beforeStep: async () => void searches.push(await searchFrom(oldPage, server.origin, pageUrl, "wick")) })).toBe(0);
      searches.push(await searchFrom(oldPage, server.origin, pageUrl, "wick"));
      expect(searches.length).toBeGreaterThan(5);
      for (const search of searches) {
        expect(search.fetched.filter(([, status]) => status !== 200)).toEqual([]);
        expect(search.results).toContain(pageUrl);
      }
      // The old page found the new post once the deploy had published it.
      expect(searches.at(-1)?.results.sort()).toEqual(["/blog/posts/candle/", pageUrl]);
    } finally {
      await server.close();
    }
  });
});
