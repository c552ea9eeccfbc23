import vm from "node:vm";
import { defaultSiteConfig } from "../config/site-config.js";
import { error } from "../diagnostics.js";
import type { Post, RenderedPost } from "../model.js";
import { renderingFacts } from "../markdown/rendering-facts.js";
import { threadCpuMs } from "./thread-cpu.js";

/** Thrown when a post's render outlasts the site's renderBudgetSeconds; holds the post's error. */
export class RenderBudgetExceeded extends Error {
  constructor(readonly rendered: RenderedPost) {
    super(`render budget exceeded: ${rendered.post.source.path}`);
  }
}

// Rendering is synchronous, and micromark on a pathological post can run for minutes: nothing
// on this thread could interrupt it. A vm script's `timeout` can: its watchdog stops whatever
// JavaScript runs on the thread, the renderer's own code included, and throws at this call.
// It costs a watchdog thread per call (~0.2 ms against a render's tens of milliseconds).
const sandbox = vm.createContext({ run: undefined as (() => unknown) | undefined });
const runScript = new vm.Script("run()");

/**
 * Runs `render` and returns its result, or throws RenderBudgetExceeded when it needs more
 * than `seconds` of CPU. The watchdog counts wall time, which a busy machine stretches: when
 * it fires before this thread has used most of the budget's CPU, the render starts once more
 * with the wall time that the CPU it got would need (at most five budgets more), so that
 * load alone does not stop a post, and a pathological one is still stopped within six
 * budgets of wall time. The limit only ever fails: it never changes a render that ends.
 */
export function withinBudget<T>(post: Post, seconds: number, render: () => T, cpuMs: () => number = threadCpuMs): T {
  const budgetMs = Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.round(seconds * 1000)) : defaultSiteConfig.renderBudgetSeconds * 1000;
  let wallMs = budgetMs;
  for (let attempt = 1; ; attempt++) {
    const before = cpuMs();
    try {
      return runWithTimeout(render, wallMs);
    } catch (e) {
      if ((e as { code?: unknown }).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw e;
      const used = cpuMs() - before;
      if (used >= budgetMs * 0.9 || attempt >= maxAttempts) throw new RenderBudgetExceeded(overBudget(post, seconds));
      // It got `used` ms of CPU in `wallMs`: at that rate, the budget's CPU takes this long (with a margin, capped).
      wallMs = Math.min(budgetMs * maxStretch, Math.ceil((wallMs * budgetMs * 1.2) / Math.max(used, wallMs / maxStretch)));
    }
  }
}

/** How many times a render may start, and how far the second start's wall time may stretch the budget. */
const maxAttempts = 2;
const maxStretch = 5;

function runWithTimeout<T>(render: () => T, timeout: number): T {
  sandbox.run = render;
  try {
    return runScript.runInContext(sandbox, { timeout }) as T;
  } finally {
    sandbox.run = undefined;
  }
}

/** A post stopped by the time budget: no HTML, one error naming it. */
export function overBudget(post: Post, seconds: number): RenderedPost {
  return refused(post, `the post needed more than ${seconds} s to render and was stopped`,
    "markdown built to be slow (thousands of unclosed `*`, `_` or `[`, lists nested thousands deep) takes time that grows with the square of its size: " +
    'simplify or split the post; if it is an ordinary long post on a slow machine, raise "renderBudgetSeconds" in site.config.json');
}

/** A post whose render thread ran out of the memory budget: no HTML, one error naming it. */
export function overMemory(post: Post, memoryMiB: number): RenderedPost {
  return refused(post, `the post needed more than ${memoryMiB} MiB to render and was stopped`,
    `parsing markdown takes hundreds of times the post's size in memory (${Math.round(post.source.text.length / 1024)} KiB here): ` +
    'split the post, or raise "renderMemoryMiB" in site.config.json if the machine has the memory');
}

function refused(post: Post, message: string, hint: string): RenderedPost {
  const parts = { html: "", description: post.meta.description?.trim() ?? "", excerptHtml: undefined, headings: [], resources: [], resourcesHeading: undefined };
  const diagnostic = error("render-budget", message, post.source.path, { line: 1, column: 1 }, hint);
  return { post, ...parts, ...renderingFacts(parts), postLinks: [], assets: [], diagnostics: [diagnostic] };
}
