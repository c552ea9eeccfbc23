import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openHeaderCache } from "../../src/cache/header-cache.js";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { listFiles } from "../../src/files/list-files.js";
import type { PostKind, SourceFile } from "../../src/model.js";
import { fixturesDir, repoRoot, tempDir } from "../support/run-cli.js";

/** Every markdown file of the sample blog and the fixtures (the migrated sites' headers among them), with a few made here. */
function sources(): Array<{ source: SourceFile; kind: PostKind }> {
  const found = [path.join(repoRoot, "posts"), fixturesDir].flatMap((dir) =>
    listFiles(dir).filter((file) => /\.(md|markdown)$/.test(file)).map((file) => {
      const full = path.join(dir, file);
      return { source: { path: path.relative(repoRoot, full), text: readFileSync(full, "utf8") }, kind: (file.includes("pages/") ? "page" : "post") as PostKind };
    }));
  const made = [
    "---\ntitle: Dated extra\npublished: 2025-01-01\nreviewed: 2025-02-03\n---\nText.\n",
    "---\ntitle: Nested extra\npublished: 2025-01-01\nseries: {name: Ops, part: 2, tags: [a, b]}\n---\nText.\n",
    "!! title: Broken date\n!! published: 2025-13-01\n\nText.\n",
    "!! title: Draft\n!! draft: true\n\nText.\n",
    "+++\ntitle = \"Toml\"\ndate = 2025-01-01T10:00:00Z\n+++\nText.\n",
    "",
  ].map((text, i) => ({ source: { path: `posts/made-${i}.md`, text }, kind: "post" as PostKind }));
  return [...found, ...made];
}

describe("the header cache", () => {
  it("gives back what parsing gives, from the file a build saved, in the same key order", () => {
    const dir = tempDir();
    const config = { ...defaultSiteConfig, url: "https://example.com/" };
    const all = sources();
    expect(all.length).toBeGreaterThan(40);
    const first = openHeaderCache(dir, "code");
    for (const { source, kind } of all) expect(first.parse(source, config, kind)).toEqual(parsePost(source, config, kind));
    first.save(true);
    // All but those whose extra keys hold a date (YAML's `reviewed: 2025-02-03`, TOML's dates) are kept.
    const kept = Object.keys((JSON.parse(readFileSync(path.join(dir, "headers.json"), "utf8")) as { entries: object }).entries).length;
    expect(kept).toBeGreaterThan(all.length * 0.8);
    const second = openHeaderCache(dir, "code");
    for (const { source, kind } of all) {
      const cached = second.parse(source, config, kind);
      const parsed = parsePost(source, config, kind);
      expect(cached).toEqual(parsed);
      // Cache keys of feeds and pages hold the JSON of the metadata: the same, key for key.
      expect(JSON.stringify(cached.post?.meta)).toBe(JSON.stringify(parsed.post?.meta));
      expect(cached.post?.body).toBe(parsed.post?.body);
    }
  });

  /** A cache folder whose header file holds one post's header, and that post. */
  function oneHeaderSaved() {
    const dir = tempDir();
    const config = { ...defaultSiteConfig, url: "https://example.com/" };
    const source = { path: "posts/a.md", text: "!! title: A\n!! published: 2025-01-01\n\nText.\n" };
    const cache = openHeaderCache(dir, "code");
    cache.parse(source, config, "post");
    cache.save(true);
    const file = path.join(dir, "headers.json");
    const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
    return { dir, config, source, file, edit };
  }

  it("parses again what another source text, kind, config or code version gives", () => {
    const { dir, config, source, edit } = oneHeaderSaved();
    // A stored title no parse gives: it shows which answers come from the file.
    edit('"title":"A"', '"title":"Stored"');
    const again = openHeaderCache(dir, "code");
    expect(again.parse(source, config, "post").post?.meta.title).toBe("Stored");
    expect(again.parse({ ...source, text: source.text.replace("A\n", "B\n") }, config, "post").post?.meta.title).toBe("B");
    expect(again.parse(source, config, "page").post?.meta.title).toBe("A");
    expect(again.parse(source, { ...config, basePath: "/blog/" }, "post").post?.meta.title).toBe("A");
    expect(openHeaderCache(dir, "other code").parse(source, config, "post").post?.meta.title).toBe("A");
  });

  it("ignores a damaged file, and the build's next save mends it", () => {
    const { dir, config, source, file, edit } = oneHeaderSaved();
    edit('"title":"A"', '"title":7');
    const damaged = openHeaderCache(dir, "code");
    expect(damaged.parse(source, config, "post")).toEqual(parsePost(source, config, "post"));
    damaged.save(true);
    expect(readFileSync(file, "utf8")).toContain('"title":"A"');
  });
});
