import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildOutcome } from "../../src/dev/build-outcome.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { postText, rawGet, writeFiles, useDevServer, waitFor } from "./dev-fixtures.js";

const dev = useDevServer();

/** A started server over a fresh site, with every build after the first recorded. */
async function startRecorded(debounceMs = 20) {
  const root = dev.site();
  const builds: BuildOutcome[] = [];
  const hooks: { onRebuild?: (n: number) => void } = {};
  let initial = true;
  const server = await dev.start(root, {
    debounceMs,
    onBuild: (outcome) => {
      // The first call is the initial build; record only the rebuilds after it.
      if (initial) return void (initial = false);
      builds.push(outcome);
      hooks.onRebuild?.(builds.length);
    },
  });
  const body = async (target: string) => (await rawGet(server.url, target)).body;
  const status = async (target: string) => (await rawGet(server.url, target)).status;
  return { root, server, builds, hooks, body, status, file: (p: string) => path.join(root, p) };
}

describe("watching the site", () => {
  it("rebuilds after an atomic save (temp file + rename), ignoring the temp file", async () => {
    const t = await startRecorded();
    writeFileSync(t.file("posts/alpha.md.tmp"), postText("Alpha", "alpha", "Saved atomically."));
    renameSync(t.file("posts/alpha.md.tmp"), t.file("posts/alpha.md"));
    await waitFor(async () => (await t.body("/posts/alpha/")).includes("Saved atomically."), 60_000, "the new text");
    await t.server.idle();
    expect(t.builds.every((b) => b.ok)).toBe(true);
    expect(t.server.site.files.has("posts/alpha.md.tmp")).toBe(false);
    expect(t.builds.at(-1)?.changedUrls).toContain("/posts/alpha/");
  });

  it("sees the second of two quick saves that the watcher library swallows", async () => {
    const t = await startRecorded(5);
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "First save."));
    await waitFor(() => t.builds.length === 1, 60_000, "the first rebuild");
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "Second save."));
    await waitFor(async () => (await t.body("/posts/alpha/")).includes("Second save."), 60_000, "the second save");
  });

  it("coalesces a burst of saves into one rebuild", async () => {
    // Long enough that no scheduling delay between two of the saves below splits the burst.
    const t = await startRecorded(1_000);
    for (let i = 0; i < 10; i++) writeFileSync(t.file(`posts/burst-${i}.md`), postText(`Burst ${i}`, `burst-${i}`, "x"));
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "Twice."));
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "Twice, again."));
    await waitFor(() => t.builds.length > 0, 60_000, "a rebuild");
    await new Promise((r) => setTimeout(r, 200));
    await t.server.idle();
    expect(t.builds).toHaveLength(1);
    expect(t.builds[0]!.postCount).toBe(12);
    expect(await t.body("/posts/alpha/")).toContain("Twice, again.");
  });

  it("a change during a rebuild gets exactly one more rebuild", async () => {
    const t = await startRecorded();
    t.hooks.onRebuild = (n) => {
      if (n === 1) writeFileSync(t.file("posts/beta.md"), postText("Beta", "beta", "Changed during the rebuild."));
    };
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "First change."));
    await waitFor(async () => (await t.body("/posts/beta/")).includes("Changed during the rebuild."), 60_000, "beta");
    await new Promise((r) => setTimeout(r, 150));
    await t.server.idle();
    expect(t.builds).toHaveLength(2);
  });

  it("never rebuilds for swap, backup and temp files", async () => {
    const t = await startRecorded();
    for (const name of [".alpha.md.swp", ".alpha.md.swx", "alpha.md~", "x.tmp", "4913", ".#alpha.md", "#alpha.md#", ".DS_Store"]) {
      writeFileSync(t.file(`posts/${name}`), "junk");
    }
    await new Promise((r) => setTimeout(r, 250));
    expect(t.builds).toHaveLength(0);
  });

  it("picks up folders added and removed, and a deleted post becomes the 404 page", async () => {
    const t = await startRecorded();
    mkdirSync(t.file("posts/2025/deep"), { recursive: true });
    writeFileSync(t.file("posts/2025/deep/gamma.md"), postText("Gamma", "gamma", "In a new folder."));
    await waitFor(async () => (await t.status("/posts/gamma/")) === 200, 60_000, "gamma");
    rmSync(t.file("posts/2025"), { recursive: true });
    await waitFor(async () => (await t.status("/posts/gamma/")) === 404, 60_000, "gamma removed");
    const before = t.builds.length;
    unlinkSync(t.file("posts/beta.md"));
    await waitFor(async () => (await t.status("/posts/beta/")) === 404, 60_000, "beta removed");
    await t.server.idle();
    // A late event of the folder removal may bring one more (empty) rebuild on a busy
    // machine: the deletion must be reported by a rebuild after it, not necessarily the last.
    expect(t.builds.slice(before).flatMap((b) => b.changedUrls)).toContain("/posts/beta/");
  });

  it("keeps serving the last good build while a post has errors, and recovers", async () => {
    const t = await startRecorded();
    writeFileSync(t.file("posts/alpha.md"), "!! slug: alpha\n!! published: 2024-03-05\n\n---\n\nNo title.\n");
    await waitFor(() => t.builds.some((b) => !b.ok), 60_000, "the failed build");
    const failed = t.builds.find((b) => !b.ok)!;
    expect(failed.diagnostics).toContainEqual(expect.objectContaining({ rule: "missing-title", file: "posts/alpha.md", line: 1 }));
    expect(await t.body("/posts/alpha/")).toContain("The first post.");
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", "Fixed."));
    await waitFor(async () => (await t.body("/posts/alpha/")).includes("Fixed."), 60_000, "the fix");
  });

  it("rebuilds what templates, theme CSS, public files and the config affect; sources equal a full read", async () => {
    const t = await startRecorded();
    writeFiles(t.root, { "templates/assets/style.css": "body { color: rgb(1, 2, 3); }\n" });
    const stylesheet = async () => /href="([^"]+\.css)"/.exec(await t.body("/"))?.[1] ?? "/none.css";
    await waitFor(async () => (await t.body(await stylesheet())).includes("rgb(1, 2, 3)"), 60_000, "the CSS");
    writeFileSync(t.file("public/hello.txt"), "hello");
    await waitFor(async () => (await t.status("/hello.txt")) === 200, 60_000, "the public file");
    writeFileSync(t.file("site.config.json"), JSON.stringify({ title: "Renamed site", url: "https://example.com/" }));
    await waitFor(async () => (await t.body("/")).includes("Renamed site"), 60_000, "the title");
    writeFileSync(t.file("posts/beta.md"), postText("Beta", "beta", "Beta changed."));
    await waitFor(async () => (await t.body("/posts/beta/")).includes("Beta changed."), 60_000, "beta");
    await t.server.idle();
    const full = await readSite(siteLayout(t.root));
    const { createDevSite } = await import("../../src/dev/dev-site.js");
    const fresh = await createDevSite(siteLayout(t.root), new URL(t.server.url).origin + "/", new Date("2025-01-01T00:00:00Z"));
    expect(full.posts.map((p) => p.path)).toEqual(["posts/alpha.md", "posts/beta.md"]);
    // The incrementally updated output is byte-identical to a fresh full build's.
    expect([...t.server.site.files.keys()]).toEqual([...fresh.files.keys()]);
    for (const [key, bytes] of fresh.files) expect(Buffer.from(t.server.site.files.get(key)!).equals(bytes), key).toBe(true);
  });

  it("adds, edits and removes a standalone page from pages/", async () => {
    const t = await startRecorded();
    writeFiles(t.root, { "pages/about.md": "!! title: About us\n\nFirst words.\n" });
    await waitFor(async () => (await t.body("/about/")).includes("First words."), 60_000, "the new page");
    writeFileSync(t.file("pages/about.md"), "!! title: About us\n\nSecond words.\n");
    await waitFor(async () => (await t.body("/about/")).includes("Second words."), 60_000, "the edited page");
    expect(await t.body("/")).toContain("About us");
    unlinkSync(t.file("pages/about.md"));
    await waitFor(async () => (await t.status("/about/")) === 404, 60_000, "the removed page");
  });
});
