import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixedNow, repoRoot, tempDir } from "../support/run-cli.js";

const link = (i: number) => `[link ${i}](https://example.org/page/${i})`;
const header = (title: string) => `!! title: ${title}\n!! published: 2024-01-01\n\n---\n\n`;
const body = (n: number, shape: (link: string, i: number) => string) => Array.from({ length: n }, (_, i) => shape(link(i), i)).join("");

/** A site whose posts are `posts` (file name → markdown body), with `config` as its site.config.json. */
function site(posts: Record<string, string>, config: object = {}): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  for (const [name, text] of Object.entries(posts)) writeFileSync(path.join(root, "posts", name), header(name) + text);
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "Huge", url: "https://example.com/", ...config }));
  return root;
}

/** Builds `root` with the compiled CLI in a child process: its exit code, stderr and peak resident memory in MiB. */
function build(root: string): Promise<{ code: number | null; stderr: string; peakMiB: number }> {
  const rssFile = path.join(tempDir(), "rss");
  const probe = path.join(path.dirname(rssFile), "probe.mjs");
  // The build's own peak, worker threads included (they share its process), written as it exits.
  writeFileSync(probe, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const args = ["--import", probe, path.join(repoRoot, "lib/cli.js"), "build", "--root", root, "--out", path.join(root, "out"), "--no-cache"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr, peakMiB: Number(readFileSync(rssFile, "utf8")) / 1024 }));
  });
}

const links = 20_000;

// 100,000 links in each shape, under 1 GB, are measured by `npm run bench -- --pathological`:
// they take minutes of a busy machine. Here 20,000, in the three shapes that need the most when
// parsed whole (a paragraph of one link per line: ~440 MB for the build; a tight list: ~630 MB
// for the parse alone; all on one line), must build within a proportional bound.
describe("a post of 20,000 links", () => {
  it("builds in memory well below what parsing it whole takes", async () => {
    const root = site({
      "paragraph.md": body(links, (l) => l + "\n"),
      "list.md": body(links, (l) => `- ${l}\n`),
      "one-line.md": body(links, (l) => l + " "),
    });
    const run = await build(root);
    expect(run.code, run.stderr).toBe(0);
    for (const name of ["paragraph", "list", "one-line"]) {
      const html = readFileSync(path.join(root, "out/posts", name, "index.html"), "utf8");
      expect(html.match(/<a href="https:\/\/example\.org\/page\/\d+"/g)).toHaveLength(links);
    }
    expect(run.peakMiB).toBeLessThan(400);
  }, 600_000);

  it("ends a post that cannot be cut (one line whose emphasis could pair across any cut) with a render-budget error naming it, not a crash", async () => {
    const root = site({ "one-line.md": body(links, (l) => `*${l}* `) }, { renderMemoryMiB: 128 });
    const run = await build(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^posts\/one-line\.md:1:1 {2}error {2}the post needed more than 128 MiB to render .*\[render-budget\]$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 600_000);
});
