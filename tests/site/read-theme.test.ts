import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readTheme } from "../../src/site/read-theme.js";

let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

/** Writes `files` (relative path → text) below a fresh folder and returns its path. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  temp ??= await mkdtemp(path.join(tmpdir(), "daylight-theme-"));
  const dir = path.join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe("readTheme", () => {
  it("lays the site's templates over the built-in ones, file by file", async () => {
    const builtin = await folder("builtin/templates", {
      "post.liquid": "builtin post",
      "index.liquid": "builtin index",
      "partials/head.liquid": "builtin head",
      "assets/style.css": "builtin css",
      "assets/img/logo.svg": "<svg></svg>",
    });
    const site = await folder("site/templates", {
      "post.liquid": "site post",
      "partials/extra.liquid": "site extra",
      "assets/style.css": "site css",
    });
    const theme = await readTheme(site, builtin);
    expect([...theme.templates.keys()]).toEqual(["index.liquid", "partials/extra.liquid", "partials/head.liquid", "post.liquid"]);
    expect(theme.templates.get("post.liquid")).toMatchObject({ text: "site post", path: "templates/post.liquid" });
    // The built-in theme sits outside the working folder here, so it is named absolutely.
    expect(theme.templates.get("partials/head.liquid")).toMatchObject({ text: "builtin head", path: path.join(builtin, "partials/head.liquid") });
    expect(theme.templates.get("partials/extra.liquid")).toMatchObject({ name: "partials/extra.liquid", text: "site extra" });
    expect([...theme.assets.keys()]).toEqual(["assets/img/logo.svg", "assets/style.css"]);
    expect(theme.assets.get("assets/img/logo.svg")?.file).toEqual({
      path: expect.stringMatching(/^assets\/img\/logo\.[0-9a-f]{8}\.svg$/),
      sourcePath: path.join(builtin, "assets/img/logo.svg"),
    });
    expect(theme.assets.get("assets/style.css")?.file).toMatchObject({ contents: "site css" });
  });

  it("reads one folder once when the site is the built-in theme's own folder", async () => {
    const dir = await folder("repo/templates", { "post.liquid": "\uFEFFpost", "layout.liquid": "layout" });
    const theme = await readTheme(dir, dir);
    expect([...theme.templates.values()]).toEqual([
      { name: "layout.liquid", path: "templates/layout.liquid", text: "layout" },
      { name: "post.liquid", path: "templates/post.liquid", text: "post" },
    ]);
  });

  it("uses the built-in theme alone when the site has no templates folder", async () => {
    const builtin = await folder("builtin/templates", { "post.liquid": "builtin", "assets/a.css": "" });
    const theme = await readTheme(path.join(builtin, "..", "missing"), builtin);
    expect(theme.templates.get("post.liquid")?.text).toBe("builtin");
    expect([...theme.assets.keys()]).toEqual(["assets/a.css"]);
    expect((await readTheme(undefined, builtin)).templates.size).toBe(1);
  });

  it("ignores dotfiles and files that are neither templates nor assets", async () => {
    const builtin = await folder("t", { ".post.liquid.swp": "x", "README.md": "x", "assets/.DS_Store": "x", "a.liquid": "a" });
    const theme = await readTheme(undefined, builtin);
    expect([...theme.templates.keys()]).toEqual(["a.liquid"]);
    expect(theme.assets.size).toBe(0);
  });
});
