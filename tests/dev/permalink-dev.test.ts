import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDevSite } from "../../src/dev/dev-site.js";
import { siteLayout } from "../../src/read/read-site.js";
import { postText, useDevServer } from "./dev-fixtures.js";

const dev = useDevServer();
const text = (files: ReadonlyMap<string, Uint8Array>, file: string) => Buffer.from(files.get(file) ?? []).toString();

describe('the dev server under "permalink": "/:slug/"', () => {
  it("serves each post at its pattern's URL, the quick answer to an edit too", async () => {
    const root = dev.site({
      "site.config.json": JSON.stringify({ title: "P", url: "https://example.com/", permalink: "/:slug/" }),
      "posts/alpha.md": postText("Alpha", "alpha", "The first post."),
      "posts/beta.md": postText("Beta", "beta", "Beta links [to alpha](/alpha).", "2024-04-01"),
    });
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    expect(text(site.files, "beta/index.html")).toContain('href="/alpha/"');
    expect(site.files.has("posts/alpha/index.html")).toBe(false);
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, postText("Alpha", "alpha", "Edited quickly."));
    const quick = await site.answerEdit({ kind: "post", event: "change", file });
    expect(quick?.page.outputPath).toBe("alpha/index.html");
    expect(quick?.changedUrls).toEqual(["/alpha/"]);
    expect(text(site.files, "alpha/index.html")).toContain("Edited quickly.");
  });
});
