import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDeploy, type DeployCommand } from "../../src/cli/deploy-command.js";
import { defaultMaxDeletes } from "../../src/cli/parse-args.js";
import type { DeployStep } from "../../src/deploy/plan-deploy.js";
import type { DeployHooks } from "../../src/deploy/run-deploy.js";
import { generation } from "./generations.js";
import { makeSite, page, snapshot, writeSite, type SiteMap } from "./make-site.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "daylight-deploy-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines: string[] = [];
const console = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };

/** Writes a build into a fresh folder under `dir`. */
function built(name: string, site: SiteMap): string {
  const out = join(dir, name);
  writeSite(out, site);
  return out;
}
const asText = (site: SiteMap) => Object.fromEntries([...site].map(([p, b]) => [p, Buffer.from(b).toString("latin1")]));
const deploy = (outDir: string, to: string, extra: Partial<DeployCommand> = {}, hooks?: DeployHooks) =>
  runDeploy({ root: join(dir, "site"), outDir, to, force: false, dryRun: false, maxDeletes: defaultMaxDeletes, ...extra }, console, hooks);
const recorder = (steps: DeployStep[]): DeployHooks => ({ beforeStep: (step) => void steps.push(step) });

describe("daylight deploy", () => {
  it("publishes into an empty folder, then skips everything on a second run", async () => {
    const out = built("dist", generation(0));
    const to = join(dir, "www");
    expect(await deploy(out, to)).toBe(0);
    expect(snapshot(to)).toEqual(asText(generation(0)));
    const steps: DeployStep[] = [];
    expect(await deploy(out, to, {}, recorder(steps))).toBe(0);
    expect(steps).toEqual([]);
  });

  it("uploads assets, then new pages, changed pages, listings, feeds, the manifest, and deletes last", async () => {
    const to = built("www", generation(0));
    const steps: DeployStep[] = [];
    expect(await deploy(built("dist", generation(1)), to, {}, recorder(steps))).toBe(0);
    expect(snapshot(to)).toEqual(asText(generation(1)));
    const order = steps.map((s) => (s.kind === "upload" ? `${s.phase}:${s.path}` : `${s.kind}:${s.path}`));
    const firstIndex = (pattern: RegExp) => order.findIndex((s) => pattern.test(s));
    const lastIndex = (pattern: RegExp) => order.length - 1 - [...order].reverse().findIndex((s) => pattern.test(s));
    expect(order[0]).toBe("immutable-asset:assets/style.bbbbbbbb.css");
    expect(lastIndex(/^new-page:/)).toBeLessThan(firstIndex(/^changed-page:/));
    expect(order).toContain("new-page:posts/p8/index.html");
    expect(order).toContain("changed-page:posts/p7/index.html"); // it now links to p8
    expect(order).toContain("new-listing:tags/gen-1/index.html");
    expect(lastIndex(/^changed-page:/)).toBeLessThan(firstIndex(/^changed-listing:index\.html/));
    expect(lastIndex(/^(changed|new)-/)).toBeLessThan(firstIndex(/^feed:/));
    expect(order.filter((s) => s.startsWith("delete:"))).toEqual(["delete:tags/gen-0/index.html"]);
    expect(order.at(-2)).toBe("manifest:daylight-manifest.json");
  });

  it("deletes old generations' assets and pages when the build drops them, and empty folders with them", async () => {
    const to = built("www", generation(1));
    expect(await deploy(built("dist", generation(2)), to)).toBe(0);
    expect(snapshot(to)).toEqual(asText(generation(2)));
    expect(existsSync(join(to, "tags/gen-1"))).toBe(false);
  });

  it("over --max-deletes: exit 1 and nothing changes, not even uploads", async () => {
    const to = built("www", generation(0));
    for (const name of ["a.txt", "b.txt", "c.txt"]) writeFileSync(join(to, name), name);
    writeFileSync(join(to, ".index.html.daylight-tmp"), "partial");
    const before = snapshot(to);
    expect(await deploy(built("dist", generation(1)), to, { maxDeletes: 3 })).toBe(1);
    expect(readFileSync(join(to, ".index.html.daylight-tmp"), "utf8")).toBe("partial");
    expect(snapshot(to)).toEqual(before);
    expect(await deploy(join(dir, "dist"), to, { maxDeletes: 4 })).toBe(0);
    expect(snapshot(to)).toEqual(asText(generation(1)));
    expect(existsSync(join(to, ".index.html.daylight-tmp"))).toBe(false);
  });

  it("refuses a build that daylight check finds errors in, changing nothing", async () => {
    const broken = makeSite({ "index.html": page("Home", '<img alt="" src="/missing.png">') });
    const to = built("www", generation(0));
    const before = snapshot(to);
    lines.length = 0;
    expect(await deploy(built("dist", broken), to)).toBe(1);
    expect(lines.some((l) => l.includes("[broken-reference]"))).toBe(true);
    expect(snapshot(to)).toEqual(before);
  });

  it("refuses a folder that is not a daylight build", async () => {
    const out = join(dir, "plain");
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "<p>hi</p>");
    expect(await deploy(out, join(dir, "www"))).toBe(1);
    expect(existsSync(join(dir, "www"))).toBe(false);
  });

  it("--dry-run lists the steps and changes nothing", async () => {
    const to = built("www", generation(0));
    const before = snapshot(to);
    lines.length = 0;
    expect(await deploy(built("dist", generation(1)), to, { dryRun: true })).toBe(0);
    expect(lines).toContain("upload  assets/style.bbbbbbbb.css  (new, immutable-asset)");
    expect(lines).toContain("delete  tags/gen-0/index.html");
    expect(snapshot(to)).toEqual(before);
  });

  it("an interrupted deploy, run again, ends in exactly the new state", async () => {
    const out = built("dist", generation(1));
    const total: DeployStep[] = [];
    const probe = built("probe", generation(0));
    await deploy(out, probe, { dryRun: false }, recorder(total));
    for (let k = 0; k < total.length; k += 3) {
      const to = built(`www-${k}`, generation(0));
      const stopAt: DeployHooks = { beforeStep: (_, index) => { if (index === k) throw new Error("killed"); } };
      await expect(deploy(out, to, {}, stopAt)).rejects.toThrow("killed");
      writeFileSync(join(to, "posts", ".stray.daylight-tmp"), "left by a kill during a write");
      expect(await deploy(out, to)).toBe(0);
      expect(snapshot(to)).toEqual(asText(generation(1)));
    }
  });

  it("removes the empty folders a deploy killed between a delete and its folder's removal leaves", async () => {
    // Left that way, a second deploy never saw them: no file to delete, and a host may
    // answer 403 instead of 404 for a folder without an index.
    const to = built("www", generation(1));
    rmSync(join(to, "tags/gen-1/index.html"));
    mkdirSync(join(to, "old/deeper"), { recursive: true });
    mkdirSync(join(to, "posts/p0/empty"));
    const steps: DeployStep[] = [];
    expect(await deploy(built("dist", generation(2)), to, {}, recorder(steps))).toBe(0);
    expect(snapshot(to)).toEqual(asText(generation(2)));
    for (const folder of ["tags/gen-1", "old", "posts/p0/empty"]) expect(existsSync(join(to, folder)), folder).toBe(false);
    expect(existsSync(join(to, "posts/p0/index.html"))).toBe(true);
    expect(steps.filter((s) => s.kind === "remove-folder").map((s) => s.path)).toEqual(["tags/gen-1", "posts/p0/empty", "old/deeper", "old"]);
  });

  it("keeps a mount point's empty lost+found, which is the file system's, not the site's", async () => {
    const to = built("www", generation(0));
    mkdirSync(join(to, "lost+found"));
    expect(await deploy(built("dist", generation(1)), to)).toBe(0);
    expect(existsSync(join(to, "lost+found"))).toBe(true);
  });

  it("keeps a .git folder, and never writes or deletes through a symlink", async () => {
    const outside = join(dir, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "keep.txt"), "keep");
    const to = built("www", generation(0));
    mkdirSync(join(to, ".git"));
    writeFileSync(join(to, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    symlinkSync(join(outside, "keep.txt"), join(to, "link.txt"));
    expect(await deploy(built("dist", generation(1)), to)).toBe(0);
    expect(readFileSync(join(to, ".git", "HEAD"), "utf8")).toContain("gh-pages");
    expect(existsSync(join(to, "link.txt"))).toBe(false);
    expect(readFileSync(join(outside, "keep.txt"), "utf8")).toBe("keep");

    rmSync(join(to, "images"), { recursive: true });
    symlinkSync(outside, join(to, "images"));
    const before = snapshot(outside);
    expect(await deploy(built("dist2", generation(2)), to)).toBe(1);
    expect(snapshot(outside)).toEqual(before);
  });

  it("refuses --to when it is the build, inside it, around it, or holds a site's sources (exit 2)", async () => {
    const out = built("dist", generation(0));
    expect(await deploy(out, out)).toBe(2);
    expect(await deploy(out, join(out, "www"))).toBe(2);
    expect(await deploy(out, dir)).toBe(2);
    expect(await deploy(out, "/")).toBe(2);
    const sources = join(dir, "site");
    mkdirSync(sources);
    writeFileSync(join(sources, "site.config.json"), "{}");
    expect(await deploy(out, sources)).toBe(2);
    expect(readFileSync(join(sources, "site.config.json"), "utf8")).toBe("{}");
  });
});
