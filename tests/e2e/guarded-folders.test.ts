/**
 * `build --out`, `build --cache-dir` and `deploy --to` share one guard (output/guard-folder.ts):
 * case by case, from the command line, no source folder is ever written into or emptied.
 * `deploy --to posts` used to delete every post.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { fixturesDir, runCli, snapshot, tempDir } from "../support/run-cli.js";

let base = "";
let site = "";
let built = "";

beforeEach(async () => {
  base = tempDir();
  site = path.join(base, "site");
  cpSync(path.join(fixturesDir, "good", "no-resources"), site, { recursive: true });
  for (const dir of ["pages", "templates", "public"]) mkdirSync(path.join(site, dir), { recursive: true });
  writeFileSync(path.join(site, "public", "robots.txt"), "User-agent: *\n");
  writeFileSync(path.join(site, "pages", "about.md"), "!! title: About\n\nMe.\n");
  built = path.join(base, "built");
  const run = await runCli(["build", "--root", site, "--out", built, "--no-cache", "--base-url", "https://example.com/"]);
  expect(run.code, run.err.join("\n")).toBe(0);
  symlinkSync(path.join(site, "posts"), path.join(base, "link-to-posts"));
});

const sourceFolders: ReadonlyArray<readonly [string, () => string]> = [
  ["posts/", () => path.join(site, "posts")],
  ["pages/", () => path.join(site, "pages")],
  ["templates/", () => path.join(site, "templates")],
  ["public/", () => path.join(site, "public")],
  ["a folder inside posts/", () => path.join(site, "posts", "www")],
  ["the site folder", () => site],
  ["the site folder's parent", () => base],
  ["a symlink to posts/", () => path.join(base, "link-to-posts")],
];

describe.each(sourceFolders)("%s", (_, folder) => {
  it("is refused by deploy --to, build --out and build --cache-dir, with --force too; nothing changes", async () => {
    const before = snapshot(site);
    const commands = [
      ["deploy", "--root", site, "--out", built, "--to", folder()],
      ["deploy", "--root", site, "--out", built, "--to", folder(), "--force"],
      ["build", "--root", site, "--out", folder(), "--no-cache"],
      ["build", "--root", site, "--out", folder(), "--no-cache", "--force"],
      ["build", "--root", site, "--out", path.join(base, "out"), "--cache-dir", folder()],
    ];
    for (const argv of commands) {
      const run = await runCli(argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.err[0], argv.join(" ")).toMatch(/^daylight: refusing to /);
    }
    expect(snapshot(site)).toEqual(before);
  });
});

describe("a folder that holds someone else's files", () => {
  it("is refused as an output, a cache or a deploy target unless --force", async () => {
    const photos = path.join(base, "photos");
    mkdirSync(photos);
    writeFileSync(path.join(photos, "holiday.jpg"), "not a build");
    const out = await runCli(["build", "--root", site, "--out", photos, "--no-cache"]);
    expect(out.code).toBe(2);
    expect(out.err[0]).toMatch(/holds files daylight did not write \(holiday\.jpg\).*--force/);
    const to = await runCli(["deploy", "--root", site, "--out", built, "--to", photos]);
    expect(to.code).toBe(2);
    const cache = await runCli(["build", "--root", site, "--out", path.join(base, "out"), "--cache-dir", photos]);
    expect(cache.code).toBe(2);
    expect(readFileSync(path.join(photos, "holiday.jpg"), "utf8")).toBe("not a build");

    const forced = await runCli(["deploy", "--root", site, "--out", built, "--to", photos, "--force"]);
    expect(forced.code, forced.err.join("\n")).toBe(0);
    expect(snapshot(photos)).toEqual(snapshot(built));
  });

  it("is accepted once daylight wrote it: a second deploy and a second build need no --force", async () => {
    const www = path.join(base, "www");
    expect((await runCli(["deploy", "--root", site, "--out", built, "--to", www])).code).toBe(0);
    expect((await runCli(["deploy", "--root", site, "--out", built, "--to", www])).code).toBe(0);
    expect((await runCli(["build", "--root", site, "--out", built, "--no-cache", "--base-url", "https://example.com/"])).code).toBe(0);
  });
});

describe("an output's neighbour that is a symlink", () => {
  it("is refused before anything happens, and the folder it points to is left alone", async () => {
    const victim = path.join(base, "victim");
    mkdirSync(victim);
    writeFileSync(path.join(victim, "precious.txt"), "keep me");
    const out = path.join(base, "fresh-out");
    for (const suffix of [".previous", ".staging", ".generations"]) {
      symlinkSync(victim, `${out}${suffix}`);
      const run = await runCli(["build", "--root", site, "--out", out, "--no-cache"]);
      expect(run.code, suffix).toBe(2);
      expect(run.err[0]).toMatch(/symlink/);
      expect(snapshot(victim)).toEqual({ "precious.txt": Buffer.from("keep me").toString("base64") });
      unlinkSync(`${out}${suffix}`);
    }
  });
});
