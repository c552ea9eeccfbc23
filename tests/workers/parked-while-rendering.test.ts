import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { parkableSources } from "../../src/output/parked-sources.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { minPostsForWorkers } from "../../src/workers/render-pool.js";
import { tempDir } from "../support/run-cli.js";

const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
const count = minPostsForWorkers + 4;

/** A site of `count` posts linking to each other, one with a broken link (its position is read after parking). */
async function site() {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  for (let i = 0; i < count; i++) {
    const link = i === 7 ? "./posts/missing" : `./posts/p${(i + 1) % count}`;
    writeFileSync(path.join(root, "posts", `p${i}.md`), `!! title: Post “${i}” – ünïcode\n!! published: 2024-01-${String((i % 28) + 1).padStart(2, "0")}\n\nBody ${i}, see [the next](${link}).\n`);
  }
  return readSite(siteLayout(root));
}

describe("sources parked while the posts render in threads", () => {
  it("are parked before the threads start, read back for them, and build what held sources build", async () => {
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const events: string[] = [];
    const spool = new Map<number, string>();
    const park = (what: string) => (text: string) => {
      events.push(what);
      const at = spool.size;
      spool.set(at, text);
      return () => spool.get(at) ?? "";
    };
    const { sources, parkOne, parkAll } = parkableSources(await site(), park("source"));
    const parked = await buildSite(sources, config, options, { threads: 2, park: park("html"), parkSource: parkOne, allRendered: parkAll });
    expect(events.slice(0, count)).toEqual(Array(count).fill("source"));
    expect(events.filter((e) => e === "source")).toHaveLength(count);

    const held = await buildSite(await site(), config, options, { threads: 0 });
    const contents = (files: typeof held.files) => files.map((f) => ["contents" in f ? f.path : "", "contents" in f ? String(f.contents) : ""]);
    expect(contents(parked.files)).toEqual(contents(held.files));
    expect(parked.diagnostics).toEqual(held.diagnostics);
    expect(parked.diagnostics.some((d) => d.rule === "broken-post-link" && d.file === "posts/p7.md" && d.line === 4)).toBe(true);
  });
});
