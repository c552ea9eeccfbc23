import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkOutDir } from "../../src/output/check-out-dir.js";
import { useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();
let base = "";
let site = "";
let home = "";

beforeEach(() => {
  base = tempDir();
  home = join(base, "home", "me");
  site = join(home, "blog");
  for (const dir of ["posts", "templates", "public", "pages"]) mkdirSync(join(site, dir), { recursive: true });
  writeFileSync(join(site, "site.config.json"), "{}");
  writeFileSync(join(site, "posts/hello.md"), "!! title: Hi\n");
});

const check = (out: string, inputs: string[] = []) => checkOutDir(out, site, home, inputs);

/** Makes `dir` holding `files` (path → text). */
function make(dir: string, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("checkOutDir refuses", () => {
  it.each([
    ["the file system root", () => "/"],
    ["the home folder", () => home],
    ["an ancestor of the home folder", () => join(home, "..")],
    ["the site root", () => site],
    ["the site root spelled with ..", () => `${site}/posts/../templates/..`],
    ["an ancestor of the site root", () => join(site, "..", "..")],
    ["posts/", () => join(site, "posts")],
    ["templates/", () => join(site, "templates")],
    ["public/", () => join(site, "public")],
    ["pages/", () => join(site, "pages")],
    ["a folder inside posts/", () => join(site, "posts", "dist")],
    ["a folder inside public/", () => join(site, "public", "a", "dist")],
  ])("%s", (_, out) => {
    expect(check(out())).toMatch(/^the output folder /);
  });

  it("a symlink to the site root, and `..` taken after a symlink", () => {
    symlinkSync(site, join(base, "link-to-site"));
    symlinkSync(join(site, "posts"), join(base, "link-to-posts"));
    expect(check(join(base, "link-to-site"))).toMatch(/site folder itself/);
    // Lexically this is `base`; physically it is the site root.
    expect(check(`${join(base, "link-to-posts")}/..`)).toMatch(/site folder itself/);
    expect(check(join(base, "link-to-posts", "out"))).toMatch(/inside the input folder/);
  });

  it("a folder that contains the site's posts/ through a symlink, or a --posts folder", () => {
    const data = make(join(base, "data", "posts"));
    const elsewhere = tempDir();
    symlinkSync(data, join(elsewhere, "posts"));
    expect(checkOutDir(join(base, "data"), elsewhere, home)).toMatch(/contains the input folder/);
    expect(check(join(base, "data"), [data])).toMatch(/contains the input folder/);
    expect(check(data, [data])).toMatch(/is the input folder/);
  });

  it.each([
    ["site.config.json", { "site.config.json": "{}" }],
    [".git", { ".git/HEAD": "ref" }],
    ["public/", { "public/favicon.ico": "" }],
    ["posts/ with a post, even in a built site", { "index.html": "", "404.html": "", "posts/deep/a.md": "" }],
    ["templates/ with Liquid, even in a built site", { "daylight-manifest.json": "{}", "templates/base.liquid": "" }],
  ])("a folder that holds %s", (_, files) => {
    expect(check(make(join(base, "out"), files))).toMatch(/holds/);
  });

  it("an output path that is a file, and a scratch sibling that holds a site", () => {
    writeFileSync(join(base, "file"), "");
    expect(check(join(base, "file"))).toMatch(/not a folder/);
    make(join(base, "dist.previous"), { "site.config.json": "{}" });
    expect(check(join(base, "dist"))).toMatch(/dist\.previous/);
  });
});

describe("checkOutDir accepts", () => {
  it("dist in the site, a folder elsewhere, a fresh folder and nested missing folders", () => {
    expect(check(join(site, "dist"))).toBeUndefined();
    expect(check(join(base, "site"))).toBeUndefined();
    expect(check(make(join(base, "fresh")))).toBeUndefined();
    expect(check(join(base, "a", "b", "c"))).toBeUndefined();
    expect(check(join(site, "public-html"))).toBeUndefined();
  });

  it("an earlier build, whose posts/ and templates/ hold no sources", () => {
    const built = { "index.html": "", "posts/a/index.html": "", "templates/x.css": "" };
    expect(check(make(join(site, "dist"), built))).toBeUndefined();
    const manifest = { "daylight-manifest.json": "{}", "posts/a/index.html": "" };
    expect(check(make(join(base, "other"), manifest))).toBeUndefined();
  });

  it("a symlink to a fresh folder", () => {
    symlinkSync(make(join(base, "real")), join(base, "link"));
    expect(check(join(base, "link"))).toBeUndefined();
  });
});
