import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { buildLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import { readSite, siteLayout } from "../../src/read-site.js";
import { renderInWorkers } from "../../src/workers/render-pool.js";
import { tempDir } from "../support/run-cli.js";

/** A site with enough posts to be worth threads, linking to each other, with code to highlight. */
function site(posts: number): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  for (let i = 0; i < posts; i++) {
    const link = i > 0 ? `See [the one before](./posts/post-${i - 1}#part-two).` : "The first.";
    writeFileSync(
      path.join(root, "posts", `post-${i}.md`),
      `!! title: Post ${i}\n!! published: 2024-01-${String((i % 28) + 1).padStart(2, "0")}\n!! tags: t${i % 3}\n\n` +
        `## Part one\n\n${link}\n\n## Part two\n\n\`\`\`ts\nconst n: number = ${i};\n\`\`\`\n\n| a | b |\n|---|---|\n| ${i} | x |\n`,
    );
  }
  return root;
}

describe("rendering in worker threads", () => {
  it("gives the same files and diagnostics as rendering on the main thread", async () => {
    const sources = await readSite(siteLayout(site(60)));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
    const threaded = await buildSite(sources, config, options, { threads: 2 });
    const single = await buildSite(sources, config, options, { threads: 0 });
    expect(threaded.diagnostics).toEqual(single.diagnostics);
    expect(threaded.files).toEqual(single.files);
    expect(threaded.files.find((f) => f.path === "posts/post-5/index.html")).toMatchObject({
      contents: expect.stringContaining('href="/posts/post-4/#part-two"'),
    });
  });
});

describe("a render thread that fails", () => {
  it("hands back its posts unrendered instead of failing the build", async () => {
    const sources = await readSite(siteLayout(site(20)));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const posts = sources.posts.map((source) => parsePost(source, config).post!);
    const context = { config, links: buildLinkIndex(posts), assets: new Map() };
    // One worker exits at its first batch, the other throws (as a heap running out does): nothing is rendered.
    const dir = tempDir();
    const dying = path.join(dir, "dying-worker.mjs");
    writeFileSync(dying, `import { parentPort } from "node:worker_threads";
      let n = 0;
      parentPort.on("message", (m) => { if (m.kind !== "render") return; if (n++ % 2) process.exit(3); throw new Error("out of heap"); });`);
    const outcomes = await renderInWorkers(posts, context, 2, dying);
    expect(outcomes).toHaveLength(20);
    expect(outcomes.every((outcome) => outcome === undefined)).toBe(true);
  });
});

describe("pages as bytes", () => {
  it("are the UTF-8 of the pages as text, en dashes and all", async () => {
    const root = site(3);
    writeFileSync(path.join(root, "posts", "post-0.md"), "!! title: Dashes – and … more\n!! published: 2024-01-01\n\nBody – with “quotes”.\n");
    const sources = await readSite(siteLayout(root));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
    const text = await buildSite(sources, config, options, { threads: 0 });
    const bytes = await buildSite(sources, config, options, { threads: 0, pagesAsBytes: true });
    const asText = (contents: unknown) => (contents instanceof Uint8Array ? Buffer.from(contents).toString("utf8") : contents);
    expect(bytes.files.map((f) => f.path)).toEqual(text.files.map((f) => f.path));
    const page = bytes.files.find((f) => f.path === "posts/post-0/index.html");
    expect(page && "contents" in page && page.contents).toBeInstanceOf(Uint8Array);
    expect(bytes.files.map((f) => ("contents" in f ? asText(f.contents) : f.sourcePath))).toEqual(
      text.files.map((f) => ("contents" in f ? f.contents : f.sourcePath)),
    );
  });
});
