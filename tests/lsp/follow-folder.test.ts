import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { rulesOf, startClient, type LspClient } from "./lsp-client.js";

const config = { title: "LSP", url: "https://example.com/" };
const post = (title: string, body = "Some text.\n") => `!! title: ${title}\n!! published: 2024-01-02\n\n${body}`;

const clients: LspClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
});

describe("daylight lsp follows the site folder without a restart", () => {
  it("a post created, renamed and deleted on disk, and a config whose rules change, re-check the open posts", async () => {
    const root = makeBlog({ "posts/a.md": post("A") }, config);
    const client = await startClient(root);
    clients.push(client);
    const linking = post("B", "See [c](./posts/c).\n");
    await client.open("posts/b.md", linking);
    expect(rulesOf(await client.diagnostics("posts/b.md", (p) => p.version === 1))).toEqual(["4:broken-post-link"]);

    const created = client.next("posts/b.md", (p) => p.diagnostics.length === 0);
    writeFileSync(path.join(root, "posts/c.md"), post("C"));
    await created;

    const renamed = client.next("posts/b.md", (p) => rulesOf(p).includes("4:broken-post-link"));
    renameSync(path.join(root, "posts/c.md"), path.join(root, "posts/d.md"));
    await renamed;

    const back = client.next("posts/b.md", (p) => p.diagnostics.length === 0);
    renameSync(path.join(root, "posts/d.md"), path.join(root, "posts/c.md"));
    await back;

    const deleted = client.next("posts/b.md", (p) => rulesOf(p).includes("4:broken-post-link"));
    rmSync(path.join(root, "posts/c.md"));
    const broken = await deleted;
    expect(broken.diagnostics[0]?.severity).toBe(1);

    const lowered = client.next("posts/b.md", (p) => p.diagnostics[0]?.severity === 2);
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ ...config, rules: { "broken-post-link": "warning" } }));
    expect(rulesOf(await lowered)).toEqual(["4:broken-post-link"]);
  });

  it("the config's own mistakes are published on site.config.json, as it is typed too, and cleared once fixed", async () => {
    const root = makeBlog({ "posts/a.md": post("A") }, { ...config, postsPerPage: "ten" });
    const client = await startClient(root);
    clients.push(client);
    const wrong = await client.diagnostics("site.config.json", (p) => p.diagnostics.length > 0);
    expect(rulesOf(wrong)).toEqual([expect.stringMatching(/:config-error$/)]);
    // Opened in the editor, the config is checked as it is typed, by the build's own check.
    await client.open("site.config.json", readFileSync(path.join(root, "site.config.json"), "utf8"));
    expect(rulesOf(await client.diagnostics("site.config.json", (p) => p.version === 1))).toEqual(rulesOf(wrong));
    const typed = await client.change("site.config.json", JSON.stringify({ ...config, postsPerPage: 10, titel: "x" }));
    const unknown = await client.diagnostics("site.config.json", (p) => p.version === typed);
    expect(unknown.diagnostics.map((d) => [d.code, d.severity])).toEqual([["unknown-key", 2]]);
    // Closed unsaved: the file on disk's diagnostics again.
    const again = client.next("site.config.json", () => true);
    await client.close("site.config.json");
    expect(rulesOf(await again)).toEqual(rulesOf(wrong));
    const fixed = client.next("site.config.json", (p) => p.diagnostics.length === 0);
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify(config));
    await fixed;
  });
});
