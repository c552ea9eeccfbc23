import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { bigPostChars, renderAlone } from "../../src/workers/render-alone.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { makeContext, makePost } from "../markdown/make-post.js";
import { tempDir } from "../support/run-cli.js";

const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };

/** An ordinary post just over bigPostChars: paragraphs with links and emphasis. */
const bigText = () => {
  const paragraph = (i: number) => `Paragraph ${i} with [a link](https://other.example/${i}) and *some emphasis*.\n\n`;
  let body = "";
  for (let i = 0; body.length < bigPostChars; i++) body += paragraph(i);
  return `!! title: Big\n!! slug: big\n!! published: 2024-01-01\n\n${body}`;
};

describe("a big post", () => {
  it("renders alone in its own thread exactly as on the main thread", async () => {
    // Any post can render alone; a small one keeps the test quick.
    const post = makePost(bigText().slice(0, 20_000));
    const context = makeContext();
    const alone = await renderAlone(post, context, 768);
    if (typeof alone === "string") throw new Error(`rendering alone ${alone}`);
    const here = renderPost(post, context);
    expect(alone.outcome.body.html).toBe(here.html);
    expect(alone.outcome.body.diagnostics).toEqual(here.diagnostics);
  });

  it("that needs more than renderMemoryMiB is a render-budget error naming it, and the build goes on", async () => {
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const root = tempDir();
    mkdirSync(path.join(root, "posts"));
    writeFileSync(path.join(root, "posts", "big.md"), bigText());
    writeFileSync(path.join(root, "posts", "small.md"), "!! title: Small\n!! published: 2024-01-02\n\nHello.\n");
    const sources = await readSite(siteLayout(root));
    const result = await buildSite(sources, { ...config, renderMemoryMiB: 16 }, options, {});
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.file, d.message.includes("16 MiB")]))
      .toEqual([["render-budget", "posts/big.md", true]]);
    expect(result.files.some((f) => f.path === "posts/small/index.html")).toBe(true);
  });
});
