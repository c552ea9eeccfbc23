import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDeploy } from "../../src/cli/deploy-command.js";
import { defaultMaxDeletes } from "../../src/cli/parse-args.js";
import type { Manifest } from "../../src/generations/manifest.js";
import { serializeManifest } from "../../src/generations/serialize-manifest.js";
import { makeSite, page, writeSite } from "./make-site.js";
import { manifestPath } from "../../src/urls/generated-files.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "daylight-record-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { out: () => {}, err: () => {} };
const deploy = (outDir: string, to: string, { dryRun = false, force = false } = {}) =>
  runDeploy({ root: join(dir, "site"), outDir, to, force, dryRun, maxDeletes: defaultMaxDeletes }, quiet);

/** A built folder whose manifest lists its one post as never deployed, written as the build writes it. */
function builtWithUnpublished(): string {
  const out = join(dir, "dist");
  const site = makeSite({ "posts/a/index.html": page("A", "a", "/assets/style.0123abcd.css"), "assets/style.0123abcd.css": "body{}" });
  writeSite(out, site);
  const manifest = JSON.parse(readFileSync(join(out, manifestPath), "utf8")) as Manifest;
  const withLedger: Manifest = { ...manifest, urls: { "/posts/a/": { status: "live", since: "2025-01-01T00:00:00.000Z" } }, unpublished: ["/posts/a/"] };
  writeFileSync(join(out, manifestPath), serializeManifest(withLedger));
  return out;
}

describe("a deploy records what it published", () => {
  it("removes the unpublished list from the manifest it publishes and from the built folder's, which then agree", async () => {
    const out = builtWithUnpublished();
    const to = join(dir, "www");
    expect(await deploy(out, to)).toBe(0);
    const published = readFileSync(join(to, manifestPath), "utf8");
    expect(published).not.toContain("unpublished");
    expect(JSON.parse(published).urls).toHaveProperty("/posts/a/");
    expect(readFileSync(join(out, manifestPath), "utf8")).toBe(published);
  });

  it("records nothing on a dry run, nor when the deploy is refused", async () => {
    const out = builtWithUnpublished();
    const before = readFileSync(join(out, manifestPath), "utf8");
    expect(await deploy(out, join(dir, "www"), { dryRun: true })).toBe(0);
    expect(readFileSync(join(out, manifestPath), "utf8")).toBe(before);
    const blocked = join(dir, "blocked");
    writeSite(blocked, new Map([["posts/a", new TextEncoder().encode("a file where a folder goes")]]));
    // A conflict (a file where a folder goes) stops the deploy before it changes anything.
    expect(await deploy(out, blocked, { force: true })).toBe(1);
    expect(readFileSync(join(out, manifestPath), "utf8")).toBe(before);
  });
});
