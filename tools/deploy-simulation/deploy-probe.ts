import { resolveReference, type SiteBase } from "../../src/check/resolve-reference.js";
import { scanHtml } from "../../src/check/scan-html.js";
import { searchFrom, wordOfPage } from "./search-query.js";

/** Something a reader could have seen during a deploy. */
export interface ProbeViolation {
  /**
   * `vanished`: a URL published before and after answered non-200; `flapped`: a new URL went
   * away after it appeared; `broken-reference`: a served page referenced a URL that did not
   * answer 200 right after; `search`: a served page's search for a word of its heading, done
   * as its script does it (search-query.ts), asked for a file that did not answer 200.
   */
  readonly kind: "vanished" | "flapped" | "broken-reference" | "search";
  readonly url: string;
  readonly status: number;
  /** For a broken reference: the page that holds it; for a search: the page searched from. */
  readonly page?: string;
}

/** The URLs published before and after the deploy under way (URL paths: `/blog/posts/a/`). */
export interface ProbePhase {
  readonly before: ReadonlySet<string>;
  readonly after: ReadonlySet<string>;
}

/** A client that keeps requesting every URL of the current phase until stopped. */
export interface DeployProbe {
  setPhase(phase: ProbePhase): void;
  /** Resolves once a whole pass that began after this call has ended (or the probe stopped). */
  nextPass(): Promise<void>;
  /** Stops after the pass under way (at most `maxPasses` in all); resolves with what it saw. */
  stop(): Promise<{ readonly requests: number; readonly passes: number; readonly violations: readonly ProbeViolation[] }>;
}

/**
 * Starts the client: each pass requests every URL of `before ∪ after`; each page that
 * answers 200 has its local references (links, style sheets, images…) requested at once,
 * and searches as a reader would from it; so does, on every pass, each page of `before` as
 * it was first served (a reader's open tab). Every file of those searches must answer 200.
 * A URL in both sets must always answer 200; a URL new in `after` may answer 404 until
 * it first answers 200, never after; a URL only in `before` may go (at the deletion step).
 */
export function startProbe(origin: string, base: SiteBase, maxPasses = 10_000): DeployProbe {
  let phase: ProbePhase = { before: new Set(), after: new Set() };
  const appeared = new Set<string>();
  const violations: ProbeViolation[] = [];
  let requests = 0;
  let passes = 0;
  let stopping = false;
  let completed = 0;
  const waiters: Array<{ until: number; resolve: () => void }> = [];
  const wake = (all: boolean) => {
    for (const waiter of waiters.splice(0)) {
      if (all || completed >= waiter.until) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const get = async (url: string): Promise<{ status: number; text: string }> => {
    requests++;
    const response = await fetch(origin + url);
    return { status: response.status, text: await response.text() };
  };
  const judge = (url: string, status: number, page?: string): void => {
    const { before, after } = phase;
    if (status === 200) {
      if (!before.has(url)) appeared.add(url);
      return;
    }
    if (page !== undefined && !after.has(page)) return; // a page on its way out may lose its links first
    if (page !== undefined) violations.push({ kind: "broken-reference", url, status, page });
    else if (before.has(url) && after.has(url)) violations.push({ kind: "vanished", url, status });
    else if (appeared.has(url) && after.has(url)) violations.push({ kind: "flapped", url, status });
  };
  // Pages of the generation before, as first served in this phase.
  const held = new Map<string, string>();
  const search = async (url: string, html: string) => {
    const word = wordOfPage(html);
    const searched = word === undefined ? undefined : await searchFrom(html, new URL(url, origin), word, (at) => get(at.pathname));
    for (const [path, status] of searched?.fetched ?? []) if (status !== 200) violations.push({ kind: "search", url: path, status, page: url });
  };
  const loop = (async () => {
    while (!stopping && passes < maxPasses) {
      // Yield every pass, so an empty phase (before setPhase) cannot spin the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      if (phase.before.size + phase.after.size === 0) continue;
      passes++;
      for (const url of [...new Set([...phase.before, ...phase.after])]) {
        const { status, text } = await get(url);
        judge(url, status);
        if (status !== 200 || !url.endsWith("/")) continue;
        for (const ref of localReferences(text, url, base)) judge(ref, (await get(ref)).status, url);
        await search(url, text);
        // A reader's tab keeps the page as it was before the deploy, and searches from it later.
        if (phase.before.has(url) && !held.has(url)) held.set(url, text);
      }
      for (const [url, html] of held) await search(url, html);
      completed++;
      wake(false);
    }
    wake(true);
  })();
  return {
    setPhase(next) {
      phase = next;
      appeared.clear();
      held.clear();
    },
    nextPass() {
      if (stopping || passes >= maxPasses) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ until: passes + 1, resolve }));
    },
    async stop() {
      stopping = true;
      await loop;
      return { requests, passes, violations };
    },
  };
}

/** The URL paths of the site that a page served at `url` references (fragments and queries dropped). */
export function localReferences(html: string, url: string, base: SiteBase): string[] {
  const from = `${url.slice(base.path.length)}index.html`;
  const found = new Set<string>();
  for (const ref of scanHtml(html).refs) {
    const resolved = resolveReference(ref.url, from, base, ref.absoluteOnly);
    if (resolved.kind === "internal") found.add(base.path + encodeURI(resolved.path));
  }
  return [...found];
}
