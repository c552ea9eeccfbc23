import { spawnSync } from "node:child_process";
import path from "node:path";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debianPython, feedparser, java, xmllint } from "../support/system-tools.js";
import { repoRoot, runCli } from "../support/run-cli.js";

// Real clients read what daylight writes: the Nu Html Checker and a real feed reader.
let out: string;
// One build serves every check here, so its folder lives for the whole file.
const tmp = mkdtempSync(path.join(os.tmpdir(), "daylight-validators-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  out = path.join(tmp, "site");
  const run = await runCli(["build", "--root", repoRoot, "--out", out, "--drafts"]);
  expect(run.code).toBe(0);
});

describe("the Nu Html Checker (vnu-jar)", () => {
  const { available } = java();
  it.runIf(available)("finds zero errors in every page of the sample blog", () => {
    const jar = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
    const result = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", out], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("Debian's python feedparser", () => {
  const { available } = feedparser();
  it.runIf(available).each([
    ["feed.xml", "rss20"],
    ["atom.xml", "atom10"],
  ])("parses %s as %s with bozo == 0 and the full content of every entry", (file, version) => {
    const script = [
      "import feedparser, json, sys",
      "d = feedparser.parse(sys.argv[1])",
      "print(json.dumps({'bozo': int(d.bozo), 'version': d.version, 'title': d.feed.title,",
      "  'entries': [{'id': e.id, 'link': e.link, 'published': e.published_parsed is not None,",
      "  'content': e.content[0].value if 'content' in e else ''} for e in d.entries]}))",
    ].join("\n");
    const result = spawnSync(debianPython, ["-c", script, path.join(out, file)], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    const feed = JSON.parse(result.stdout) as {
      bozo: number;
      version: string;
      entries: { id: string; link: string; published: boolean; content: string }[];
    };
    expect(feed.bozo).toBe(0);
    expect(feed.version).toBe(version);
    expect(feed.entries.length).toBeGreaterThanOrEqual(5);
    for (const entry of feed.entries) {
      expect(entry.id).toBe(entry.link);
      expect(entry.link).toMatch(/^https:\/\/example\.com\/posts\/[a-z0-9-]+\/$/);
      expect(entry.published).toBe(true);
      expect(entry.content.length).toBeGreaterThan(200);
      expect(entry.content).not.toMatch(/(href|src)="\/(?!\/)/);
    }
  });
});

describe("xmllint", () => {
  const { available } = xmllint();
  it.runIf(available)("validates sitemap.xml against the schema written from the sitemaps.org protocol", () => {
    const schema = path.join(repoRoot, "tests/schemas/sitemap.xsd");
    const result = spawnSync("xmllint", ["--noout", "--schema", schema, path.join(out, "sitemap.xml")], { encoding: "utf8" });
    expect(result.stderr.trim()).toMatch(/validates$/);
    expect(result.status).toBe(0);
  });
});

describe("a second, independent feed parser (@rowanmanning/feed-parser)", () => {
  it.each([
    ["feed.xml", "rss"],
    ["atom.xml", "atom"],
  ])("reads %s as %s with every entry's link, date and full content", async (file, type) => {
    const { parseFeed } = await import("@rowanmanning/feed-parser");
    const feed = parseFeed(readFileSync(path.join(out, file), "utf8"));
    expect(feed.meta.type).toBe(type);
    expect(feed.title).toBe("Daylight Notes");
    expect(feed.items.length).toBeGreaterThanOrEqual(5);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/example\.com\/posts\/[a-z0-9-]+\/$/);
      expect(item.id).toBe(item.url);
      expect(item.published).toBeInstanceOf(Date);
      expect((item.content ?? "").length).toBeGreaterThan(200);
    }
  });
});
