import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDevSite, type BuildOutcome } from "../../src/dev/dev-site.js";
import { siteLayout } from "../../src/read-site.js";
import { postText, useDevServer } from "./dev-fixtures.js";

const dev = useDevServer();
const text = (files: ReadonlyMap<string, Uint8Array>, file: string) => Buffer.from(files.get(file) ?? []).toString();

describe("the quick answer to a post edit", () => {
  it("updates the edited post's page first, then the whole build reports every change", async () => {
    const root = dev.site();
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, postText("Alpha", "alpha", "Edited quickly."));
    const early: { outcome: BuildOutcome; page: string; index: string }[] = [];
    const full = await site.rebuild([{ kind: "post", event: "change", file }], (outcome) => {
      early.push({ outcome, page: text(site.files, "posts/alpha/index.html"), index: text(site.files, "index.html") });
    });
    expect(early).toHaveLength(1);
    expect(early[0]?.outcome.changedUrls).toEqual(["/posts/alpha/"]);
    expect(early[0]?.page).toContain("Edited quickly.");
    // The lists are the whole build's job: at the quick answer the index still has the old excerpt.
    expect(early[0]?.index).toContain("The first post.");
    expect(full.changedUrls).toEqual(expect.arrayContaining(["/posts/alpha/", "/"]));
    expect(text(site.files, "index.html")).toContain("Edited quickly.");
  });

  it("gives no quick answer for a post that is added, or whose header is broken", async () => {
    const root = dev.site();
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    let quick = 0;
    const added = path.join(root, "posts/gamma.md");
    writeFileSync(added, postText("Gamma", "gamma", "New."));
    await site.rebuild([{ kind: "post", event: "add", file: added }], () => void quick++);
    const broken = path.join(root, "posts/alpha.md");
    writeFileSync(broken, "!! title: Alpha\n!! published: 2024-13-45\n\nText.\n");
    const outcome = await site.rebuild([{ kind: "post", event: "change", file: broken }], () => void quick++);
    expect(quick).toBe(0);
    expect(outcome.ok).toBe(false);
  });
});
