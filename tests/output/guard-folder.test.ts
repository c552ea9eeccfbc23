import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { guardFolder, type FolderRole } from "../../src/output/guard-folder.js";
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

const roles: FolderRole[] = ["output", "deploy target", "cache"];
const guard = (folder: string, role: FolderRole, extra: { inputDirs?: string[]; force?: boolean; outDir?: string } = {}) =>
  guardFolder(folder, role, { root: site, home, outDir: join(site, "dist"), ...extra });

/** Makes `dir` holding `files` (path → text). */
function make(dir: string, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe.each(roles)("as the %s, the guard refuses", (role) => {
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
    ["a folder inside pages/ that does not exist yet", () => join(site, "pages", "x", "y")],
  ])("%s, even with --force", (_, folder) => {
    expect(guard(folder(), role)).toBeDefined();
    expect(guard(folder(), role, { force: true })).toBeDefined();
  });

  it("symlinks to source folders, and `..` taken after a symlink", () => {
    symlinkSync(site, join(base, "link-to-site"));
    symlinkSync(join(site, "posts"), join(base, "link-to-posts"));
    expect(guard(join(base, "link-to-site"), role)).toMatch(/site folder/);
    // Lexically this is `base`; physically it is the site root.
    expect(guard(`${join(base, "link-to-posts")}/..`, role)).toMatch(/site folder/);
    expect(guard(join(base, "link-to-posts"), role)).toMatch(/input folder/);
    expect(guard(join(base, "link-to-posts", "out"), role)).toMatch(/input folder/);
  });

  it("a folder that contains a --posts folder, or is inside one", () => {
    const data = make(join(base, "data", "posts"));
    expect(guard(join(base, "data"), role, { inputDirs: [data] })).toMatch(/input folder/);
    expect(guard(data, role, { inputDirs: [data] })).toMatch(/input folder/);
    expect(guard(join(data, "x"), role, { inputDirs: [data] })).toMatch(/input folder/);
  });

  it.each([
    ["site.config.json", { "site.config.json": "{}" }],
    ["package.json", { "package.json": "{}" }],
    ["posts/ with a post, even beside a manifest", { "daylight-manifest.json": "{}", "posts/deep/a.md": "" }],
    ["templates/ with Liquid, even beside a manifest", { "daylight-manifest.json": "{}", "templates/base.liquid": "" }],
  ])("a folder that holds %s, even with --force", (_, files) => {
    const folder = make(join(base, "elsewhere"), files);
    expect(guard(folder, role)).toMatch(/holds/);
    expect(guard(folder, role, { force: true })).toMatch(/holds/);
  });

  it("a file", () => {
    writeFileSync(join(base, "file"), "");
    expect(guard(join(base, "file"), role)).toMatch(/not a folder/);
  });

  it("a folder of files daylight did not write, unless --force", () => {
    const folder = make(join(base, "photos"), { "holiday.jpg": "x", "notes/todo.txt": "y" });
    expect(guard(folder, role)).toMatch(/did not write \(holiday\.jpg, notes\)/);
    expect(guard(folder, role, { force: true })).toBeUndefined();
  });
});

describe("the guard's roles differ where they must", () => {
  it("a .git folder: a source folder for a build, a gh-pages checkout for a deploy", () => {
    const folder = make(join(base, "checkout"), { ".git/HEAD": "ref: refs/heads/gh-pages\n" });
    expect(guard(folder, "output")).toMatch(/holds \.git/);
    expect(guard(folder, "cache")).toMatch(/holds \.git/);
    expect(guard(folder, "deploy target")).toBeUndefined();
    writeFileSync(join(folder, "index.html"), "old site");
    expect(guard(folder, "deploy target")).toMatch(/did not write/);
  });

  it("the cache and a deploy may be neither the output, nor in it, nor around it, nor its neighbours", () => {
    const out = make(join(site, "dist"), { "daylight-manifest.json": "{}" });
    for (const role of ["cache", "deploy target"] as const) {
      for (const folder of [out, join(out, "c"), `${out}.generations`, `${out}.generations/a`, `${out}.staging`, `${out}.previous/c`]) {
        expect(guard(folder, role), `${role} ${folder}`).toMatch(/output/);
      }
    }
    const elsewhere = tempDir();
    expect(guardFolder(elsewhere, "deploy target", { root: site, home, outDir: join(elsewhere, "www", "dist") })).toMatch(/output/);
  });

  it("an output or deploy target that daylight wrote (its manifest), and a cache with daylight's tag", () => {
    const built = { "daylight-manifest.json": "{}", "index.html": "", "posts/a/index.html": "", "templates/x.css": "" };
    expect(guard(make(join(site, "dist"), built), "output")).toBeUndefined();
    expect(guard(make(join(base, "www"), built), "deploy target")).toBeUndefined();
    const cache = make(join(base, "cache"), { "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# created by daylight\n", "ab/cd": "" });
    expect(guard(cache, "cache")).toBeUndefined();
    expect(guard(make(join(base, "other-cache"), { "CACHEDIR.TAG": "Signature: x\n# created by ccache\n" }), "cache")).toMatch(/did not write/);
  });

  it("accepts missing folders, empty ones and ones that hold only lost+found (a fresh file system)", () => {
    for (const role of roles) {
      expect(guard(join(base, "a", "b", "c"), role)).toBeUndefined();
      expect(guard(make(join(base, "fresh")), role)).toBeUndefined();
      expect(guard(make(join(base, "mount", "lost+found")).replace(/\/lost\+found$/, ""), role)).toBeUndefined();
    }
    expect(guard(join(site, "dist"), "output")).toBeUndefined();
    expect(guard(join(site, "public-html"), "output")).toBeUndefined();
    expect(guard(join(site, ".daylight-cache"), "cache")).toBeUndefined();
  });

  it("a symlink to a fresh folder is judged by the folder", () => {
    symlinkSync(make(join(base, "real")), join(base, "link"));
    expect(guard(join(base, "link"), "output")).toBeUndefined();
  });
});

describe("an output's neighbours", () => {
  it.each([".generations", ".staging", ".previous"])("refuses a %s neighbour that is a symlink, a file or holds sources", (suffix) => {
    const out = join(base, "out");
    const victim = make(join(base, "victim"), { "precious.txt": "keep" });
    symlinkSync(victim, `${out}${suffix}`);
    expect(guard(out, "output")).toMatch(/symlink/);
    expect(guard(out, "output", { force: true })).toMatch(/symlink/);
    const out2 = join(base, "out2");
    writeFileSync(`${out2}${suffix}`, "a file");
    expect(guard(out2, "output")).toMatch(/not a folder/);
    const out3 = join(base, "out3");
    make(`${out3}${suffix}`, { "site.config.json": "{}" });
    expect(guard(out3, "output")).toMatch(/holds site\.config\.json/);
  });

  it("accepts neighbours that are daylight's own folders", () => {
    const out = join(base, "out");
    make(`${out}.generations/a`, { "daylight-manifest.json": "{}", "index.html": "" });
    symlinkSync("out.generations/a", out);
    expect(guard(out, "output")).toBeUndefined();
  });
});
