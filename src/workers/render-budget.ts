import { availableParallelism, loadavg } from "node:os";
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
 * than `seconds` of CPU. The watchdog counts wall time, which a busy machine stretches, so
 * it waits `stretch` budgets before it stops a render (three, more when the machine's load
 * is above its cores); the error then says whether the render had its CPU or the machine
 * was too busy to give it. A stopped render is never
 * started again on this thread: the watchdog halts JavaScript wherever it is, possibly half
 * way through filling a cache of the highlighter's, and a second render here could publish
 * what that left. The limit only ever fails a build: it never changes a render that ends.
 */
export function withinBudget<T>(
  post: Post,
  seconds: number,
  render: () => T,
  cpuMs: () => number = threadCpuMs,
  stretch: number = wallStretch(),
): T {
  const budgetMs = Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.round(seconds * 1000)) : defaultSiteConfig.renderBudgetSeconds * 1000;
  const wallMs = Math.round(budgetMs * stretch);
  const before = cpuMs();
  try {
    return runWithTimeout(render, wallMs);
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw e;
    const starved = cpuMs() - before < budgetMs * 0.9;
    throw new RenderBudgetExceeded(overBudget(post, seconds, starved ? wallMs : undefined));
  }
}

/**
 * How many budgets of wall time a render may take before it is stopped: three on a machine
 * with a core to spare, and as many times more as the machine has runnable processes per
 * core. On a 2-core machine at load 20 a render gets a tenth of a core; a fixed allowance
 * would stop ordinary posts there, and the build would fail only because of its neighbours.
 */
export function wallStretch(load: number = loadavg()[0] ?? 0, cores: number = availableParallelism()): number {
  return 3 * Math.max(1, load / Math.max(1, cores));
}

function runWithTimeout<T>(render: () => T, timeout: number): T {
  sandbox.run = render;
  try {
    return runScript.runInContext(sandbox, { timeout }) as T;
  } finally {
    sandbox.run = undefined;
  }
}

/** A post stopped by the time budget: no HTML, one error naming it. */
export function overBudget(post: Post, seconds: number, starvedAfterMs?: number): RenderedPost {
  if (starvedAfterMs !== undefined) {
    return refused(post, `the post was stopped after ${Math.round(starvedAfterMs / 1000)} s of rendering, ` +
      `before it had had ${seconds} s of the processor: the machine was too busy`,
    'build again when the machine is less busy, or raise "renderBudgetSeconds" in site.config.json');
  }
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
