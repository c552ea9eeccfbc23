import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { outputContents } from "../../src/files/output-contents.js";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { openPageSpool } from "../../src/output/page-spool.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { linkedPostsSite as site } from "./linked-posts-site.js";

describe("pages staged by the disk writer, renderings parked in a spool", () => {
  it("read back as the UTF-8 of the pages held as text, en dashes and all", async () => {
    const root = site(3);
    writeFileSync(path.join(root, "posts", "post-0.md"), "!! title: Dashes – and … more\n!! published: 2024-01-01\n\nBody – with “quotes”.\n");
    const sources = await readSite(siteLayout(root));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
    const dir = mkdtempSync(path.join(tmpdir(), "daylight-spool-"));
    const spool = openPageSpool(path.join(dir, "pages.spool"));
    const writer = createDiskWriter(path.join(dir, "dist"));
    try {
      const text = await buildSite(sources, config, options, { threads: 0 });
      const parked = await buildSite(sources, config, options, { threads: 0, stage: writer.stage, park: spool.park });
      const asText = (contents: string | Uint8Array) => (typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8"));
      expect(parked.files.map((f) => f.path)).toEqual(text.files.map((f) => f.path));
      const page = parked.files.find((f) => f.path === "posts/post-0/index.html");
      expect(page && "generated" in page && page.generated).toBe("staged");
      expect(parked.files.map((f) => asText(outputContents(f)))).toEqual(text.files.map((f) => asText(outputContents(f))));
    } finally {
      writer.close();
      spool.close();
    }
  });
});
