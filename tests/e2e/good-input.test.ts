import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, readOutput, runCli, tempDir } from "../support/run-cli.js";

const goodDir = path.join(fixturesDir, "good");
const baseUrl = ["--base-url", "https://example.com/blog/"];

async function build(root: string, ...flags: string[]) {
  const out = path.join(tempDir(), "dist");
  const run = await runCli(["build", "--root", root, "--out", out, ...baseUrl, ...flags]);
  return { out, run };
}

describe("input that must build fine", () => {
  const scenarios = readdirSync(goodDir).filter((name) => !name.includes("."));

  it.each(scenarios)("%s builds with exit 0 and no errors", async (scenario) => {
    const { run } = await build(path.join(goodDir, scenario));
    expect(run.err.filter((line) => / error /.test(line))).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("escapes a title with <script> and & in the page and in the feed", async () => {
    const { out } = await build(path.join(goodDir, "script-title"));
    const slug = readdirSync(path.join(out, "posts")).find((s) => s !== "ok")!;
    const page = readOutput(out, `posts/${slug}/index.html`);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends");
    const feed = readOutput(out, "feed.xml");
    expect(feed).not.toContain("<script>alert");
    expect(feed).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends</title>");
  });

  it("derives an ASCII slug from a non-ASCII file name", async () => {
    const { out } = await build(path.join(goodDir, "non-ascii"));
    expect(readdirSync(path.join(out, "posts"))).toContain("uber-cafe");
  });

  it("builds a 2 MB post", async () => {
    const root = tempDir();
    cpSync(path.join(goodDir, "no-resources"), root, { recursive: true });
    const paragraph = "A line with `code`, **bold** text and a [link](https://example.com/x).\n\n";
    const body = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    writeFileSync(path.join(root, "posts/big.md"), `!! title: Big\n!! published: 2024-01-01\n\n---\n\n${body}`);
    const { out, run } = await build(root);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(out, "posts/big/index.html")).length).toBeGreaterThan(2_000_000);
  });

  it("builds posts from another folder with --posts, taking the rest from the defaults", async () => {
    const { out, run } = await build(tempDir(), "--posts", path.join(goodDir, "colon-title/posts"));
    expect(run.code).toBe(0);
    expect(readOutput(out, "index.html")).toContain("Deploys: a retrospective");
    const stylesheet = /href="\/blog\/(assets\/style\.[0-9a-f]{8}\.css)"/.exec(readOutput(out, "index.html"))?.[1];
    expect(readOutput(out, stylesheet!).length).toBeGreaterThan(100);
  });
});

describe("post links", () => {
  const root = path.join(fixturesDir, "links");
  const expected = JSON.parse(readFileSync(path.join(root, "expect.json"), "utf8")) as {
    rule: string;
    severity: string;
    file: string;
    line: number;
    column: number;
  }[];
  const located = (e: (typeof expected)[number]) => `${e.file}:${e.line}:${e.column}  `;

  it("reports a broken post link (an error) and an unknown fragment (a warning) at their positions, and writes nothing", async () => {
    const { out, run } = await build(root);
    expect(run.code).toBe(1);
    const lines = run.err.join("\n").split("\n");
    for (const e of expected) {
      expect(lines.some((l) => l.startsWith(located(e) + e.severity) && l.endsWith(`[${e.rule}]`)), located(e)).toBe(true);
    }
    expect(() => readdirSync(out)).toThrow();
  });

  it("builds with the broken post link lowered to a warning in the config", async () => {
    const lowered = tempDir();
    cpSync(root, lowered, { recursive: true });
    writeFileSync(path.join(lowered, "site.config.json"), JSON.stringify({ rules: { "broken-post-link": "warning" } }));
    const { run } = await build(lowered);
    expect(run.code).toBe(0);
    const lines = run.err.join("\n").split("\n");
    for (const e of expected) {
      expect(lines.some((l) => l.startsWith(located(e) + "warning") && l.endsWith(`[${e.rule}]`)), located(e)).toBe(true);
    }
  });

  it("makes them errors with --strict, and writes nothing", async () => {
    const { out, run } = await build(root, "--strict");
    expect(run.code).toBe(1);
    for (const e of expected) expect(run.err.some((l) => l.startsWith(located(e) + "error"))).toBe(true);
    expect(() => readdirSync(out)).toThrow();
  });
});
