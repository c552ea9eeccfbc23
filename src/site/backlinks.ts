import type { Rendering } from "../model.js";
import { runSteps, type Steps } from "../timings/run-steps.js";

/** A post or page that links to another one. */
export interface Backlink {
  readonly title: string;
  readonly url: string;
}

/**
 * For each post or page (keyed by its URL; with `onlyTo`, that one alone, as the dev
 * server's quick answer needs), the others whose `postLinks` point at it: newest
 * first (undated pages last, by title), each once, self-links left out. One pass over every
 * link. A `./posts/<slug>` link names a post, so when a page shares a post's slug the post
 * gets the link.
 */
export function collectBacklinks(all: readonly Rendering[], onlyTo?: string): Map<string, Backlink[]> {
  return runSteps(backlinksInSteps(all, onlyTo));
}

/** collectBacklinks, a step after each post's links and each post's backlinks (see run-steps.ts). */
export function* backlinksInSteps(all: readonly Rendering[], onlyTo?: string): Steps<Map<string, Backlink[]>> {
  // For one URL, only the slugs of what is published there can lead to it: no owner map of every slug.
  const wanted = onlyTo === undefined ? undefined : new Set(all.filter((r) => r.post.url === onlyTo).map((r) => r.post.meta.slug));
  const owners = new Map<string, Rendering>();
  for (const rendered of all) {
    if (wanted !== undefined && !wanted.has(rendered.post.meta.slug)) continue;
    const taken = owners.get(rendered.post.meta.slug);
    if (taken === undefined || (taken.post.kind === "page" && rendered.post.kind === "post")) {
      owners.set(rendered.post.meta.slug, rendered);
    }
  }
  const referrers = new Map<string, Set<Rendering>>();
  for (const source of all) {
    for (const link of source.postLinks) {
      const target = owners.get(link.slug);
      if (target === undefined || target === source || (onlyTo !== undefined && target.post.url !== onlyTo)) continue;
      const set = referrers.get(target.post.url) ?? new Set();
      referrers.set(target.post.url, set.add(source));
    }
    yield;
  }
  const backlinks = new Map<string, Backlink[]>();
  for (const [url, sources] of referrers) {
    backlinks.set(url, [...sources].sort(newestFirst).map((s) => ({ title: s.post.meta.title, url: s.post.url })));
    yield;
  }
  return backlinks;
}

function newestFirst(a: Rendering, b: Rendering): number {
  const time = (p: Rendering) => p.post.meta.published?.getTime() ?? -Infinity;
  const ta = time(a);
  const tb = time(b);
  if (ta !== tb) return tb > ta ? 1 : -1;
  return a.post.meta.title < b.post.meta.title ? -1 : a.post.meta.title > b.post.meta.title ? 1 : a.post.url < b.post.url ? -1 : 1;
}
