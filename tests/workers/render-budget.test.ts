import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { createBuildCache } from "../../src/cache/build-cache.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { RenderBudgetExceeded, wallStretch, withinBudget } from "../../src/workers/render-budget.js";
import { threadCpuMs } from "../../src/workers/thread-cpu.js";
import { makePost } from "../markdown/make-post.js";
import { linkedPostsSite } from "../build/linked-posts-site.js";

const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };

/** A remark plugin that never ends on a post saying "forever" (a render no budget can wait out), counting them. */
let forevers = 0;
const endless = () => (_tree: unknown, file: { value: unknown }) => {
  if (!String(file.value).includes("forever")) return;
  forevers++;
  for (;;) {
    // spins until the budget's watchdog stops it
  }
};

/** The site of linked posts, one of them (post-3) saying "forever" or holding pathological markdown. */
async function siteWith(posts: number, body: string, budget: number) {
  const root = linkedPostsSite(posts);
  writeFileSync(path.join(root, "posts", "post-3.md"), `!! title: Slow\n!! published: 2024-01-03\n\n${body}\n`);
  const sources = await readSite(siteLayout(root));
  const { config } = resolveSiteConfig(undefined, "https://example.com/");
  return { sources, config: { ...config, renderBudgetSeconds: budget } };
}

const budgetErrors = (diagnostics: readonly { rule: string; severity: string; file?: string }[]) =>
  diagnostics.filter((d) => d.rule === "render-budget").map((d) => [d.severity, d.file]);

describe("the render budget", () => {
  it("returns what a render returns within it, and stops one that outlasts it", () => {
    const post = makePost("!! title: T\n!! published: 2024-01-01\n\nHi.\n");
    expect(withinBudget(post, 5, () => 42)).toBe(42);
    const stopped = (() => {
      try {
        withinBudget(post, 0.2, () => {
          for (;;) {
            // endless
          }
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(stopped).toBeInstanceOf(RenderBudgetExceeded);
    expect((stopped as RenderBudgetExceeded).rendered.diagnostics).toMatchObject([{ rule: "render-budget", severity: "error", file: post.source.path, line: 1 }]);
    // Errors that are not the budget's pass through as they are.
    expect(() => withinBudget(post, 5, () => { throw new TypeError("boom"); })).toThrow(TypeError);
  });

  it("lets a busy machine stretch a render to three times the budget, then says the machine was too busy", () => {
    const post = makePost("!! title: T\n!! published: 2024-01-01\n\nHi.\n");
    // Waiting uses no CPU, as a render does while other processes have the cores.
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const wait = (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end;) Atomics.wait(cell, 0, 0, 5);
    };
    let starts = 0;
    // The allowance is pinned at three budgets here; on a loaded machine it grows (below).
    expect(withinBudget(post, 0.4, () => (starts++, wait(900), "done"), threadCpuMs, 3)).toBe("done");
    const starved = (() => {
      try {
        withinBudget(post, 0.2, () => (starts++, wait(5_000), "late"), threadCpuMs, 3);
      } catch (e) {
        return e as RenderBudgetExceeded;
      }
      return undefined;
    })();
    expect(starved).toBeInstanceOf(RenderBudgetExceeded);
    expect(starved!.rendered.diagnostics[0]!.message).toMatch(/the machine was too busy/);
    // Never started twice: a render the watchdog stopped may have left a cache half filled.
    expect(starts).toBe(2);
  });

  it("gives a render more wall time when the machine has more runnable processes than cores", () => {
    expect(wallStretch(0.5, 2)).toBe(3);
    expect(wallStretch(2, 2)).toBe(3);
    expect(wallStretch(20, 2)).toBe(30);
    expect(wallStretch(3, 0)).toBe(9);
  });

  it("ends a post that never finishes (on the main thread) with an error naming it, never cached", async () => {
    const { sources, config } = await siteWith(4, "This goes on forever.", 1);
    const plugins = { remarkPlugins: [endless], rehypePlugins: [] };
    const cache = createBuildCache();
    const first = await buildSite(sources, config, options, { plugins, cache, threads: 0 });
    expect(budgetErrors(first.diagnostics)).toEqual([["error", "posts/post-3.md"]]);
    expect(first.postCount).toBe(4);
    const afterFirst = forevers;
    expect(afterFirst).toBe(1);
    // The stopped post is rendered (and stopped) again, the others come from the cache.
    const second = await buildSite(sources, config, options, { plugins, cache, threads: 0 });
    expect(budgetErrors(second.diagnostics)).toEqual([["error", "posts/post-3.md"]]);
    expect(forevers).toBeGreaterThan(afterFirst);
    // From the cache: the very renderings of the first build, for the three posts that finished.
    const fromFirst = second.rendered.filter((r) => first.rendered.includes(r)).map((r) => r.post.source.path);
    expect(fromFirst.sort()).toEqual(["posts/post-0.md", "posts/post-1.md", "posts/post-2.md"]);
  });

  it("stops pathological markdown in a render thread, and the thread renders the other posts", async () => {
    // cmark's "many emphasis openers": minutes for micromark, far beyond one second anywhere.
    const { sources, config } = await siteWith(10, "a_ ".repeat(150_000), 1);
    const result = await buildSite(sources, config, options, { threads: 1 });
    expect(budgetErrors(result.diagnostics)).toEqual([["error", "posts/post-3.md"]]);
    expect(result.files.find((f) => f.path === "posts/post-4/index.html")).toMatchObject({
      contents: expect.stringContaining('href="/posts/post-3/#part-two"'),
    });
  });
});
