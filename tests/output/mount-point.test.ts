import { spawnSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../../src/model.js";
import { createDiskWriter } from "../../src/output/disk-writer.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { expected, snapshot } from "./temp-dirs.js";

/** Folders mounted by this file, unmounted (then removed) after it. */
const mounted: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), "daylight-mount-"));

function mount(args: string[], at: string): boolean {
  mkdirSync(at, { recursive: true });
  const ok = spawnSync("mount", [...args, at], { stdio: "ignore" }).status === 0;
  if (ok) mounted.push(at);
  return ok;
}

afterAll(() => {
  for (const at of mounted.reverse()) spawnSync("umount", [at], { stdio: "ignore" });
  rmSync(scratch, { recursive: true, force: true });
});

// Mounting needs root (CI runs as root); elsewhere these tests are skipped, and say why.
const canMount = process.getuid?.() === 0 && mount(["-t", "tmpfs", "tmpfs"], join(scratch, "probe"));
if (!canMount) console.warn("mount-point tests skipped: they need root and a working `mount -t tmpfs` (CI runs them)");

const text = (files: Record<string, string>): OutputFile[] => Object.entries(files).map(([path, contents]) => ({ path, contents }));

const manifest = { "daylight-manifest.json": "{}" };
const gen1 = { ...manifest, "index.html": "one", "posts/a/index.html": "A", "assets/style.1111.css": "css1" };
const gen2 = { ...manifest, "index.html": "two", "posts/b/index.html": "B", "assets/style.2222.css": "css2" };

/** Each kind of folder that cannot be renamed away: a tmpfs mount point, and a bind mount of a folder on the same disk. */
const kinds: Record<string, (at: string) => boolean> = {
  "a tmpfs mount point": (at) => mount(["-t", "tmpfs", "tmpfs"], at),
  "a bind mount": (at) => (mkdirSync(`${at}-source`, { recursive: true }), mount(["--bind", `${at}-source`], at)),
};

describe.skipIf(!canMount).each(Object.entries(kinds))("an output folder that is %s", (_, makeMount) => {
  it("is built and updated in place, in the deploy's order, leaving nothing beside it but the generations folder", async () => {
    const dir = mkdtempSync(join(scratch, "site-"));
    const out = join(dir, "dist");
    expect(makeMount(out)).toBe(true);
    const device = statSync(out).dev;
    const steps: string[] = [];
    const writer = createDiskWriter(out, { hooks: { afterStep: (step) => void steps.push(step) } });

    await writer.write(text(gen1));
    expect(steps).toContain("updated-in-place");
    expect(snapshot(out)).toEqual(expected(gen1));

    expect(await writer.write(text(gen2))).toEqual({ written: 3, unchanged: 1, removed: 2 });
    expect(snapshot(out)).toEqual(expected(gen2));
    // Still the same mounted folder, not a link; no deploy temporaries left in it.
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(statSync(out).dev).toBe(device);
    expect(readdirSync(out).filter((name) => name.startsWith("."))).toEqual([]);
    expect(readdirSync(dir).filter((name) => !name.endsWith("-source")).sort()).toEqual(["dist", "dist.generations"]);
  });

  it("is refused, untouched, when it holds files daylight did not write", async () => {
    const dir = mkdtempSync(join(scratch, "site-"));
    const out = join(dir, "dist");
    expect(makeMount(out)).toBe(true);
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(createDiskWriter(out).write(text(gen1))).rejects.toThrow(/files daylight did not write/);
    expect(snapshot(out)).toEqual(expected({ "notes.txt": "mine" }));
    expect(readdirSync(dirname(out)).filter((name) => !name.endsWith("-source"))).toEqual(["dist"]);
  });
});

describe.skipIf(!canMount)("daylight build into a mount point", () => {
  it("builds the sample blog, rebuilds it after a change, and the result checks clean", async () => {
    const dir = mkdtempSync(join(scratch, "cli-"));
    const root = join(dir, "site");
    for (const part of ["posts", "pages", "public", "site.config.json"]) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    const out = join(dir, "dist");
    expect(mount(["-t", "tmpfs", "tmpfs"], out)).toBe(true);
    const build = () => runCli(["build", "--root", root, "--out", out, "--cache-dir", join(dir, "cache")]);
    expect((await build()).code).toBe(0);
    writeFileSync(join(root, "posts/mounted.md"), "!! title: Mounted\n!! published: 2026-03-01\n\nOn a mount point.\n");
    const second = await build();
    expect(second.code, second.err.join("\n")).toBe(0);
    expect(readdirSync(join(out, "posts"))).toContain("mounted");
    expect((await runCli(["check", "--out", out])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["cache", "dist", "dist.generations", "site"]);
  });
});
