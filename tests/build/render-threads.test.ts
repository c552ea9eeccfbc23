import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { buildLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { resetStageTimings, timingNotes } from "../../src/timings/stage-timings.js";
import { renderInWorkers } from "../../src/workers/render-pool.js";
import { tempDir } from "../support/run-cli.js";
import { linkedPostsSite as site } from "./linked-posts-site.js";

describe("rendering in worker threads", () => {
  it("gives the same files and diagnostics as rendering on the main thread", async () => {
    const sources = await readSite(siteLayout(site(60)));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
    resetStageTimings();
    const threaded = await buildSite(sources, config, options, { threads: 2 });
    const single = await buildSite(sources, config, options, { threads: 0 });
    expect(threaded.diagnostics).toEqual(single.diagnostics);
    expect(threaded.files).toEqual(single.files);
    // Each thread told how much CPU it used (for --timings).
    expect(timingNotes().at(-1)).toMatch(/^2 render threads, busy \d+% and \d+% of their \d+\.\d s and \d+\.\d s$/);
    expect(threaded.files.find((f) => f.path === "posts/post-5/index.html")).toMatchObject({
      contents: expect.stringContaining('href="/posts/post-4/#part-two"'),
    });
  });
});

describe("a render thread that fails", () => {
  it("hands back its posts unrendered instead of failing the build", async () => {
    const sources = await readSite(siteLayout(site(20)));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const posts = sources.posts.map((source) => parsePost(source, config).post!);
    const context = { config, links: buildLinkIndex(posts), assets: new Map() };
    // One worker exits at its first batch, the other throws (as a heap running out does): nothing is rendered.
    const dir = tempDir();
    const dying = path.join(dir, "dying-worker.mjs");
    writeFileSync(dying, `import { parentPort } from "node:worker_threads";
      let n = 0;
      parentPort.on("message", (m) => { if (m.kind !== "render") return; if (n++ % 2) process.exit(3); throw new Error("out of heap"); });`);
    const rendered: number[] = [];
    await renderInWorkers(posts, context, 2, (i) => rendered.push(i), dying);
    expect(rendered).toEqual([]);
  });
});
