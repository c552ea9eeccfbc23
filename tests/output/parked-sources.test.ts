import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPageSpool } from "../../src/output/page-spool.js";
import { parkableSources } from "../../src/output/parked-sources.js";
import type { SiteSources } from "../../src/read/read-site.js";
import { useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

const site = (texts: readonly string[]): SiteSources => ({
  configSource: undefined,
  posts: texts.map((text, i) => ({ path: `posts/p${i}.md`, text })),
  pages: [{ path: "pages/about.md", text: "!! title: About\n" }],
  theme: { templates: new Map(), assets: new Map() } as unknown as SiteSources["theme"],
  assets: [],
  diagnostics: [],
});

describe("parkable sources", () => {
  it("read back the text that was parsed once parked, never the file (which may have changed since)", () => {
    const dir = tempDir();
    const spool = openPageSpool(join(dir, "site.spool"));
    const file = join(dir, "p0.md");
    writeFileSync(file, "as read");
    const { sources, parkOne, parkAll } = parkableSources(site(["as read", "“two” – 😀"]), spool.park);
    expect(sources.posts.map((s) => s.text)).toEqual(["as read", "“two” – 😀"]);
    parkOne(sources.posts[1]!);
    expect(sources.posts.map((s) => s.text)).toEqual(["as read", "“two” – 😀"]);
    parkAll();
    writeFileSync(file, "edited mid-build");
    expect(sources.posts.map((s) => [s.path, s.text])).toEqual([["posts/p0.md", "as read"], ["posts/p1.md", "“two” – 😀"]]);
    expect(sources.pages[0]?.text).toBe("!! title: About\n");
    spool.close();
    expect(readdirSync(dir)).toEqual(["p0.md"]);
  });

  it("cross to a render thread as plain data, text included", () => {
    const { sources } = parkableSources(site(["as read"]), () => () => "parked");
    expect(structuredClone({ source: sources.posts[0] })).toEqual({ source: { path: "posts/p0.md", text: "as read" } });
    expect(Object.keys(structuredClone(sources.posts[0] ?? {}))).toEqual(["path", "text"]);
  });
});
