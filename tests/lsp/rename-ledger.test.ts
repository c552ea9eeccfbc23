import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { renameSlug } from "../../src/lsp/rename-slug.js";
import { openWorkspace } from "../../src/lsp/workspace.js";
import { siteLayout } from "../../src/read/site-layout.js";
import { makeBlog } from "../support/make-blog.js";
import { runCli, tempDir } from "../support/run-cli.js";

const files = {
  "posts/deploys.md": "!! title: Deploys\n!! published: 2025-01-01\n\nText.\n\n## Steps\n\nMore.\n",
  "posts/linking.md": "!! title: Linking\n!! published: 2025-01-02\n\nSee [deploys](./posts/deploys#steps).\n",
};

describe("renaming a slug in the editor keeps the URL ledger satisfied", () => {
  it("after a deploy, the renamed site builds: every link follows, the old URL redirects", async () => {
    const root = makeBlog(files, { title: "Ledger", url: "https://example.com/" });
    const out = path.join(root, "dist");
    const build = () => runCli(["build", "--root", root, "--out", out]);
    expect((await build()).code).toBe(0);
    expect((await runCli(["deploy", "--out", out, "--to", path.join(tempDir(), "www")])).code).toBe(0);

    const workspace = await openWorkspace(siteLayout(root), () => new Date("2026-01-01T00:00:00Z"));
    for (const [key, edits] of await renameSlug(workspace, "deploys", "shipping")) {
      const file = path.join(root, key);
      writeFileSync(file, TextDocument.applyEdits(TextDocument.create(key, "markdown", 1, readFileSync(file, "utf8")), edits));
    }
    const renamed = await build();
    expect(renamed.err.join("\n")).toBe("");
    expect(renamed.code).toBe(0);
    expect(readFileSync(path.join(out, "posts/linking/index.html"), "utf8")).toContain('href="/posts/shipping/#steps"');
    expect(readFileSync(path.join(out, "_redirects"), "utf8")).toContain("/posts/deploys/ /posts/shipping/ 301");
  });
});
