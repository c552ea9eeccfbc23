import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { readSite, siteLayout } from "../../src/read-site.js";
import { linkedPostsSite as site } from "./linked-posts-site.js";

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
