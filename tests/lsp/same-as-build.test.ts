import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeBlog, reported } from "../support/make-blog.js";
import { fixturesDir, runCli, tempDir } from "../support/run-cli.js";
import { startClient, type LspClient } from "./lsp-client.js";

const clients: LspClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
});

/** Every post and page file of a site, by path from its root. */
function siteTexts(root: string): string[] {
  return ["posts", "pages"].flatMap((dir) => {
    try {
      return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(md|markdown)$/.test(entry.name))
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    } catch {
      return [];
    }
  }).sort();
}

/** What `daylight build` reports in the site's posts and pages, as `file:line:column [rule]`. */
async function buildReports(root: string): Promise<string[]> {
  // The fixtures have no config: the build needs a url before it looks at a post.
  const run = await runCli(["build", "--root", root, "--out", path.join(tempDir(), "out"), "--no-cache", "--base-url", "https://example.com/"]);
  return reported(run).filter((line) => /^(posts|pages)\//.test(line)).sort();
}

/**
 * The output check's rule: a local URL that names no page is judged against the whole
 * built site (`unresolved` until then), which the server does not build. Its one gap.
 */
const outputCheck = (line: string) => line.endsWith("[broken-reference]");

/** What the language server publishes for each post and page opened as it is on disk, in the same form. */
async function serverReports(root: string): Promise<string[]> {
  const client = await startClient(root);
  clients.push(client);
  const lines: string[] = [];
  for (const file of siteTexts(root)) {
    await client.open(file, readFileSync(path.join(root, file), "utf8"));
    const published = await client.diagnostics(file, (p) => p.version === 1);
    lines.push(...published.diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} [${d.code}]`));
  }
  return lines.sort();
}

const config = { title: "Same", url: "https://example.com/", rules: { "missing-file": "warning" } };
const mistakes = {
  "posts/a.md": "!! title: A\n!! published: 2024-01-02\n!! publised: 2024-01-02\n\n## Setup\n\nSee [b](./posts/bb), [c](./posts/c#setupp) and ![x](./nowhere.png).\n\nAs (Fowler, 2016) says.\n\n---\n\n## Resources\n\n- [Nygard - Release It!](https://example.org/ri)\n",
  "posts/c.md": "---\ntitle: C\ndate: 2024-01-03\n---\n\n## Setup\n\nSee [a](/posts/a/#setup) and [d](./posts/d).\n\n```pythn\nx = 1\n```\n",
  "posts/d.md": "!! title: D\n!! published: 2024-02-30\n\nBroken date.\n",
  "posts/e.md": "!! title: E\n!! published: 2024-01-04\n!! slug: a\n\nTaken.\n",
  "posts/f.md": "!! title: F\n!! published: 2024-01-05\n!! tags: one\n\n[draft](./posts/g) [future](./posts/h)\n",
  "posts/g.md": "!! title: G\n!! draft: true\n\nA draft.\n",
  "posts/h.md": "!! title: H\n!! published: 2099-01-01\n\nLater.\n",
  "posts/i.md": "!! title: I\n!! published: 2024-01-06\n!! tags: One, two\n\nTagged.\n",
  "pages/archive.md": "!! title: Archive\n\nMine.\n",
};

describe("daylight lsp reports what daylight build reports, post by post", () => {
  it("a site full of mistakes: every rule at the same line and column, and nothing else", async () => {
    const root = makeBlog(mistakes, config);
    const build = await buildReports(root);
    expect(build).toContain("posts/i.md:3:10 [tag-collision]");
    expect(build.length).toBeGreaterThan(8);
    expect(build.filter(outputCheck)).toEqual([]);
    expect(await serverReports(root)).toEqual(build);
  });

  it.each(["links", "bad/duplicate-slug", "bad/duplicate-key", "bad/invalid-date", "bad/missing-title", "bad/header-syntax", "bad/yaml-syntax", "bad/broken-page-link"])(
    "the fixture %s",
    async (fixture) => {
      const root = path.join(fixturesDir, fixture);
      const build = await buildReports(root);
      expect(build.length).toBeGreaterThan(0);
      expect(await serverReports(root)).toEqual(build.filter((line) => !outputCheck(line)));
    },
  );
});
