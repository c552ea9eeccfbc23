import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { renameSlug } from "../../src/lsp/rename-slug.js";
import { openWorkspace } from "../../src/lsp/workspace.js";
import { siteLayout } from "../../src/read/site-layout.js";
import { makeBlog } from "../support/make-blog.js";

const config = { title: "Rename", url: "https://example.com/blog/" };
const linking = "!! title: Linking\n!! published: 2024-01-03\n\n[a](./posts/old) and [b](posts/old.md#x)\n\n[ref]: /posts/old/\n";

/** Renames `old` to `fresh` in a site whose post `posts/target.md` has `target`; the target's text after the edits, parsed as the build does. */
async function renamed(target: string) {
  const root = makeBlog({ "posts/target.md": target, "posts/linking.md": linking }, config);
  const workspace = await openWorkspace(siteLayout(root), () => new Date("2025-01-01T00:00:00Z"));
  const edits = await renameSlug(workspace, "old", "fresh");
  const apply = (key: string) => TextDocument.applyEdits(TextDocument.create("x", "markdown", 1, workspace.textOf(key) ?? ""), edits.get(key) ?? []);
  const text = apply("posts/target.md");
  const parsed = parsePost({ path: "posts/target.md", text }, resolveConfig(JSON.stringify(config)).config);
  return { text, meta: parsed.post?.meta, diagnostics: parsed.diagnostics, linking: apply("posts/linking.md") };
}

describe("renaming a slug writes the header in the post's own format", () => {
  it("rewrites every form of post link, and only the slug in it", async () => {
    const { linking: after } = await renamed("!! title: T\n!! published: 2024-01-02\n!! slug: old\n\nText.\n");
    expect(after).toBe("!! title: Linking\n!! published: 2024-01-03\n\n[a](./posts/fresh) and [b](posts/fresh.md#x)\n\n[ref]: /posts/fresh/\n");
  });

  it.each<[string, string, string[], string?]>([
    ["`!!` with aliases", "!! title: T\n!! published: 2024-01-02\n!! slug: old\n!! aliases: /2019/old/\n\nText.\n", ["/2019/old/", "/posts/old/"]],
    ["YAML with a list of aliases", "---\ntitle: T\ndate: 2024-01-02\nslug: \"old\"\naliases:\n  - /2019/old/\n---\n\nText.\n", ["/2019/old/", "/posts/old/"]],
    ["YAML with a flow list", "---\ntitle: T\ndate: 2024-01-02\nslug: old\naliases: [/2019/old/]\n---\n\nText.\n", ["/2019/old/", "/posts/old/"]],
    ["YAML without slug or aliases", "---\ntitle: T\ndate: 2024-01-02\n---\n\nText.\n", ["/posts/old/"], "posts/old.md"],
    ["TOML", "+++\ntitle = \"T\"\ndate = 2024-01-02\nslug = \"old\"\n+++\n\nText.\n", ["/posts/old/"]],
  ])("%s: the new slug, the old URL among the aliases, nothing else changed", async (_, target, aliases, file) => {
    const result = await (file === undefined ? renamed(target) : renamedFile(target));
    expect(result.diagnostics).toEqual([]);
    expect(result.meta?.slug).toBe("fresh");
    expect(result.meta?.aliases).toEqual(aliases);
    expect(result.meta?.title).toBe("T");
  });

  it("a draft gets no alias: it has no URL to keep", async () => {
    const { meta } = await renamed("!! title: T\n!! draft: true\n!! slug: old\n\nText.\n");
    expect(meta?.slug).toBe("fresh");
    expect(meta?.aliases).toEqual([]);
  });
});

/** As renamed, with the target's slug from its file name (posts/old.md). */
async function renamedFile(target: string) {
  const root = makeBlog({ "posts/old.md": target }, config);
  const workspace = await openWorkspace(siteLayout(root), () => new Date("2025-01-01T00:00:00Z"));
  const edits = await renameSlug(workspace, "old", "fresh");
  const text = TextDocument.applyEdits(TextDocument.create("x", "markdown", 1, workspace.textOf("posts/old.md") ?? ""), edits.get("posts/old.md") ?? []);
  const parsed = parsePost({ path: "posts/old.md", text }, resolveConfig(JSON.stringify(config)).config);
  return { text, meta: parsed.post?.meta, diagnostics: parsed.diagnostics };
}
