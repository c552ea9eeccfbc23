import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

/** A site with a post, and the folders a user may wrongly stand in. */
function site(): string {
  const root = path.join(tempDir(), "blog");
  mkdirSync(path.join(root, "posts/2025"), { recursive: true });
  mkdirSync(path.join(root, "notes"));
  writeFileSync(path.join(root, "site.config.json"), '{"url": "https://example.com/"}');
  writeFileSync(path.join(root, "posts/hello.md"), "!! title: Hello\n!! published: 2025-01-01\n\nHi.\n");
  return root;
}

/** The one diagnostic a run printed (a message line and its hint). */
const only = (err: string[]) => {
  const text = err.join("\n");
  expect(text.match(/ error /g)).toHaveLength(1);
  return text;
};

describe("run from the wrong folder", () => {
  it("from posts/: names that folder, what it lacks, and the site above it", async () => {
    const site_ = site();
    const posts = path.join(site_, "posts");
    for (const command of ["build", "dev"]) {
      const run = await runCli([command, "--root", posts]);
      expect(run.code, command).toBe(1);
      const text = only(run.err);
      expect(text).toContain(`${posts} was taken as the site folder, and it is not one: it has no site.config.json and no posts/ folder`);
      expect(text).toContain("(it holds 1 post file: posts belong in a site's posts/ folder)");
      expect(text).toContain(`the folder above, ${site_}, is a site: run daylight there, or pass --root ..`);
      expect(text).toContain("[not-a-site]");
    }
    expect(existsSync(path.join(posts, "dist"))).toBe(false);
  });

  it("from a deeper subfolder of a site, names the nearest site above", async () => {
    const root = site();
    const run = await runCli(["build", "--root", path.join(root, "posts/2025")]);
    expect(run.code).toBe(1);
    expect(only(run.err)).toContain(`the folder above, ${root}, is a site: run daylight there, or pass --root ../..`);
  });

  it("from an empty folder, says so and points at daylight init", async () => {
    const empty = tempDir();
    const run = await runCli(["build", "--root", empty, "--base-url", "https://e.com/"]);
    expect(run.code).toBe(1);
    expect(only(run.err)).toMatch(/was taken as the site folder, and it is not one[\s\S]*daylight init/);
  });

  it("from a folder with posts but no config, names the folder in the missing url", async () => {
    const root = site();
    const notes = path.join(root, "notes");
    mkdirSync(path.join(notes, "posts"));
    const run = await runCli(["build", "--root", notes]);
    expect(run.code).toBe(1);
    const text = only(run.err);
    expect(text).toContain(`the site has no url: ${notes}, taken as the site folder, has no site.config.json`);
    expect(text).toContain("[missing-url]");
  });

  it("leaves --posts from elsewhere, and --base-url with only posts/, alone", async () => {
    const root = site();
    const out = path.join(tempDir(), "out");
    const run = await runCli(["build", "--root", tempDir(), "--posts", path.join(root, "posts"), "--out", out, "--base-url", "https://e.com/"]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("keeps new from writing posts/posts/ when run from a site's posts/, and lets it start a site in an empty folder", async () => {
    const root = site();
    const run = await runCli(["new", "Lost", "--root", path.join(root, "posts")]);
    expect(run.code).toBe(1);
    expect(only(run.err)).toContain(`the folder above, ${root}, is a site`);
    expect(existsSync(path.join(root, "posts/posts"))).toBe(false);
    const empty = tempDir();
    expect((await runCli(["new", "First", "--root", empty])).code).toBe(0);
    expect(existsSync(path.join(empty, "posts/first.md"))).toBe(true);
  });
});
