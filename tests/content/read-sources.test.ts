import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPostSources } from "../../src/content/read-sources.js";

let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "daylight-read-"));
  outside = await mkdtemp(path.join(tmpdir(), "daylight-outside-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function put(relative: string, contents: string | Uint8Array): Promise<void> {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, contents);
}

describe("readPostSources", () => {
  it("reads posts at any depth, sorted, and lists the other files as assets", async () => {
    await put("posts/b.md", "!! title: B");
    await put("posts/2024/a.markdown", "\uFEFF!! title: A");
    await put("posts/2024/notes.txt", "!! title: N");
    await put("posts/2024/img/plot.png", new Uint8Array([137, 80, 78, 71, 0]));
    const { sources, assetFiles, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.path)).toEqual(["posts/2024/a.markdown", "posts/2024/notes.txt", "posts/b.md"]);
    expect(sources[0]?.text).toBe("\uFEFF!! title: A");
    expect(assetFiles).toEqual([path.join(root, "posts/2024/img/plot.png")]);
  });

  it("ignores names starting with _ or .", async () => {
    await put("posts/_draft.md", "!! title: D");
    await put("posts/.hidden", "x");
    await put("posts/.git/config", "x");
    await put("posts/_wip/post.md", "!! title: W");
    await put("posts/kept.md", "!! title: K");
    const { sources, assetFiles } = readPostSources(root, path.join(root, "posts"));
    expect(sources.map((s) => s.path)).toEqual(["posts/kept.md"]);
    expect(assetFiles).toEqual([]);
  });

  it("reports files with NUL bytes or invalid UTF-8 as not-text", async () => {
    await put("posts/nul.md", new Uint8Array([33, 33, 32, 0, 10]));
    await put("posts/latin1.md", new Uint8Array([33, 33, 32, 0xe9, 10]));
    await put("posts/ok.md", "!! title: ok");
    const { sources, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(sources.map((s) => s.path)).toEqual(["posts/ok.md"]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ["not-text", "error", "posts/latin1.md"],
      ["not-text", "error", "posts/nul.md"],
    ]);
  });

  it("gives no posts and no error for a missing folder", async () => {
    expect(readPostSources(root, path.join(root, "posts"))).toEqual({ sources: [], assetFiles: [], diagnostics: [] });
  });

  it("reports a posts folder that cannot be listed (here a file) as unreadable-folder, not a crash", async () => {
    await put("posts", "not a folder");
    const { sources, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(sources).toEqual([]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file, d.message])).toEqual([
      ["unreadable-folder", "error", "posts", "the folder cannot be read (ENOTDIR)"],
    ]);
  });

  it("follows symlinks inside the site and skips those leading out", async () => {
    await put("drafts/shared.md", "!! title: S");
    await writeFile(path.join(outside, "secret.md"), "!! title: secret");
    await put("posts/real.md", "!! title: R");
    await symlink(path.join(root, "drafts/shared.md"), path.join(root, "posts/linked.md"));
    await symlink(path.join(outside, "secret.md"), path.join(root, "posts/secret.md"));
    await symlink(path.join(root, "posts"), path.join(root, "posts/loop"));
    const { sources, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(sources.map((s) => s.path)).toEqual(["posts/linked.md", "posts/real.md"]);
    expect(sources[0]?.text).toBe("!! title: S");
    expect(diagnostics.map((d) => [d.rule, d.file])).toEqual([["unsafe-link", "posts/secret.md"]]);
  });

  it("reads a posts folder outside the root, with paths for display", async () => {
    await writeFile(path.join(outside, "elsewhere.md"), "!! title: E");
    const { sources } = readPostSources(root, outside);
    const shown = sources[0]?.path ?? "";
    expect(sources).toHaveLength(1);
    expect(path.resolve(shown)).toBe(path.join(outside, "elsewhere.md"));
    expect(shown).not.toContain("\\");
  });

  it("reads a .txt as a post only when it starts with a header; any other .txt is a file beside the posts", async () => {
    await put("posts/bang.txt", "!! title: B");
    await put("posts/yaml.txt", "---\ntitle: Y\n---\n");
    await put("posts/toml.txt", "+++\ntitle = 'T'\n+++\n");
    await put("posts/data/table.txt", "a,b\n1,2\n");
    await put("posts/data/empty.txt", "");
    await put("posts/data/binary.txt", new Uint8Array([0, 1, 2]));
    const { sources, assetFiles, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.path)).toEqual(["posts/bang.txt", "posts/toml.txt", "posts/yaml.txt"]);
    expect(assetFiles.map((f) => path.relative(root, f))).toEqual(["posts/data/binary.txt", "posts/data/empty.txt", "posts/data/table.txt"]);
  });

  it("warns once for each markup file another generator would build, and keeps it as a file", async () => {
    await put("posts/intro.mdx", "import X from './x'\n# Hi");
    await put("posts/guide.adoc", "= Guide");
    await put("posts/old.MKD", "# Old");
    await put("posts/page.html", "---\ntitle: P\n---\n<p>p</p>");
    await put("posts/demo/embed.html", "<!doctype html><p>demo</p>");
    const { sources, assetFiles, diagnostics } = readPostSources(root, path.join(root, "posts"));
    expect(sources).toEqual([]);
    expect(assetFiles).toHaveLength(5);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ["unbuilt-markup", "warning", "posts/guide.adoc"],
      ["unbuilt-markup", "warning", "posts/intro.mdx"],
      ["unbuilt-markup", "warning", "posts/old.MKD"],
      ["unbuilt-markup", "warning", "posts/page.html"],
    ]);
    expect(diagnostics[1]?.message).toContain("MDX");
    expect(diagnostics[2]?.hint).toContain("rename it to `.md`");
  });
});
