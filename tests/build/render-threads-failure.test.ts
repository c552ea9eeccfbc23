import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build-site.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { linkedPostsSite as site } from "./linked-posts-site.js";

describe("keeping a worker's rendering when the disk is full", () => {
  it("rejects the build with the error (no uncaught exception from the pool's message handler)", async () => {
    const sources = await readSite(siteLayout(site(20)));
    const { config } = resolveSiteConfig(undefined, "https://example.com/");
    const options = { drafts: false, future: false, strict: false, now: new Date("2025-01-01T00:00:00Z") };
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write", path: "/out/.dist.spool-1" });
    const failing = () => {
      throw full;
    };
    // An uncaught exception would fail this file's run even if the promise rejected too.
    await expect(buildSite(sources, config, options, { threads: 2, stage: failing, park: failing })).rejects.toBe(full);
  });
});
