import { cpSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteBaseOf } from "../../src/check/resolve-reference.js";
import { runDeploy } from "../../src/cli/deploy-command.js";
import { planDeploy, type DeployPlan } from "../../src/deploy/plan-deploy.js";
import { readBuild } from "../../src/deploy/read-build.js";
import { readTarget } from "../../src/deploy/read-target.js";
import { runDeployPlan } from "../../src/deploy/run-deploy.js";
import { startProbe } from "../../tools/deploy-simulation/deploy-probe.js";
import { publishedUrls, simulateDeploy } from "../../tools/deploy-simulation/simulate-deploy.js";
import { searchFrom, type Fetch, type PageSearch } from "../../tools/deploy-simulation/search-query.js";
import { serveFolder } from "../../tools/deploy-simulation/static-server.js";
import { makeBlog } from "../support/make-blog.js";
import { runCli, tempDir } from "../support/run-cli.js";

const silent = { out: () => {}, err: () => {} };
const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

const fetchText: Fetch = async (url) => {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
};

/** Searches `query` from a page's HTML as the theme's script does (the deploy simulation's own search). */
async function searchFromPage(html: string, origin: string, pageUrl: string, query: string): Promise<PageSearch> {
  const search = await searchFrom(html, new URL(pageUrl, origin), query, fetchText);
  if (search === undefined) throw new Error(`${pageUrl} has no search`);
  return search;
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
      expect((await searchFromPage(oldPage, server.origin, pageUrl, "wick")).results).toEqual([pageUrl]);
      // N+1: the post's text changes (so does every index file's name) and a post is added.
      writeFileSync(path.join(root, "posts/lantern.md"), post("Lantern basics", "2024-05-01", "## Trimming the wick\n\nA wick, trimmed, burns evenly and long."));
      writeFileSync(path.join(root, "posts/candle.md"), post("Candles", "2024-06-01", "A candle has a wick too."));
      expect((await runCli(["build", "--root", root, "--out", outDir])).code).toBe(0);
      const searches: PageSearch[] = [];
      expect(await deploy({ beforeStep: async () => void searches.push(await searchFromPage(oldPage, server.origin, pageUrl, "wick")) })).toBe(0);
      searches.push(await searchFromPage(oldPage, server.origin, pageUrl, "wick"));
      expect(searches.length).toBeGreaterThan(5);
      for (const search of searches) {
        expect(search.fetched.filter(([, status]) => status !== 200)).toEqual([]);
        expect(search.results).toContain(pageUrl);
      }
      // The old page found the new post once the deploy had published it.
      expect([...(searches.at(-1)?.results ?? [])].sort()).toEqual(["/blog/posts/candle/", pageUrl]);
    } finally {
      await server.close();
    }
  });

  it("the deploy simulation searches from the old generation's pages, and catches a pointer published first", async () => {
    const root = makeBlog({
      "posts/lantern.md": post("Lantern basics", "2024-05-01", "## Trimming the wick\n\nA trimmed wick burns evenly."),
      "posts/kettle.md": post("Kettle care", "2024-04-01", "Descale the kettle."),
    }, { title: "Lamps", url: "https://example.com/blog/", search: true });
    const outDir = path.join(root, "dist");
    // Three generations built into one output folder (so each retains the one before), copied as they were.
    const builds: string[] = [];
    const edits = [
      () => undefined,
      () => writeFileSync(path.join(root, "posts/lantern.md"), post("Lantern basics", "2024-05-01", "## Trimming the wick\n\nA wick, trimmed, burns long.")),
      () => writeFileSync(path.join(root, "posts/candle.md"), post("Candles", "2024-06-01", "A candle has a wick too.")),
    ];
    for (const [k, edit] of edits.entries()) {
      edit();
      expect((await runCli(["build", "--root", root, "--out", outDir])).code).toBe(0);
      builds.push(path.join(tempDir(), `dist-${k}`));
      // The output folder is a link to its generation's slot: the slot's files are the build.
      cpSync(realpathSync(outDir), builds[k]!, { recursive: true });
    }
    const report = await simulateDeploy({ builds, stepDelayMs: 5, console: silent });
    expect(report.violations).toEqual([]);

    // The same deploy with the pointer published before the index it names: the old pages' searches fail.
    const www = tempDir();
    cpSync(builds[1]!, www, { recursive: true });
    const build = readBuild(builds[2]!);
    if (typeof build === "string") throw new Error(build);
    const plan = planDeploy(build.files, await readTarget(www));
    const pointerFirst: DeployPlan = { ...plan, steps: [...plan.steps].sort((a, b) => Number(b.path === "search/index.json") - Number(a.path === "search/index.json")) };
    const server = await serveFolder(www, "/blog/");
    const probe = startProbe(server.origin, siteBaseOf("https://example.com/blog/")!);
    probe.setPhase({ before: publishedUrls(builds[1]!), after: publishedUrls(builds[2]!) });
    await runDeployPlan(pointerFirst, { from: builds[2]!, to: www, build: build.files }, { beforeStep: () => probe.nextPass() });
    const seen = await probe.stop();
    await server.close();
    expect(seen.violations.filter((v) => v.kind === "search").length).toBeGreaterThan(0);
  });
});
