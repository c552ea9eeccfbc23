import { afterEach, describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { startClient, type LspClient } from "./lsp-client.js";

const config = { title: "LSP", url: "https://example.com/" };
const resources = "\n---\n\n## Resources\n\n- [Martin Fowler - Refactoring](https://example.org/r)\n- [Jez Humble - Continuous Delivery](https://example.org/cd)\n";
const files = {
  "posts/edd-for-ha.md": "!! title: EDD for HA\n!! published: 2024-01-02\n!! description: Error budgets, done right.\n\nIntro.\n\n## Setup\n\nText.\n\n## The big idea\n\nMore.\n",
  "posts/other.md": "!! title: Other\n!! published: 2024-01-03\n\nSee [edd](./posts/edd-for-ha#the-big-idea).\n",
  "pages/about.md": "!! title: About\n\nI wrote [EDD](/posts/edd-for-ha/).\n",
};

const clients: LspClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
});

async function serve(): Promise<LspClient> {
  const client = await startClient(makeBlog(files, config));
  clients.push(client);
  return client;
}

type Item = { label: string; detail?: string; textEdit?: { newText: string; range: unknown } };
const at = (client: LspClient, file: string, line: number, character: number) => ({ textDocument: { uri: client.uri(file) }, position: { line, character } });
const labels = (items: Item[]) => items.map((item) => item.label);

describe("daylight lsp: completion", () => {
  it("after ./posts/, /posts/ and posts/: every slug with its title; after # in a post link: that post's heading ids", async () => {
    const client = await serve();
    const text = "!! title: New\n!! published: 2024-02-01\n\n[a](./posts/ed\n[b](/posts/\nposts/\n[c](./posts/edd-for-ha#\n";
    await client.open("posts/new.md", text);
    const slugs = await client.request<Item[]>("textDocument/completion", at(client, "posts/new.md", 3, 14));
    expect(labels(slugs)).toEqual(["edd-for-ha", "other"]);
    expect(slugs[0]).toMatchObject({ detail: "EDD for HA", textEdit: { newText: "edd-for-ha", range: { start: { line: 3, character: 12 }, end: { line: 3, character: 14 } } } });
    expect(labels(await client.request<Item[]>("textDocument/completion", at(client, "posts/new.md", 4, 11)))).toEqual(["edd-for-ha", "other"]);
    expect(labels(await client.request<Item[]>("textDocument/completion", at(client, "posts/new.md", 5, 6)))).toEqual(["edd-for-ha", "other"]);
    const headings = await client.request<Item[]>("textDocument/completion", at(client, "posts/new.md", 6, 23));
    expect(labels(headings)).toEqual(["setup", "the-big-idea"]);
    expect(headings[1]?.detail).toBe("The big idea");
  });

  it("header keys after `!! ` and in YAML front matter, without those already written", async () => {
    const client = await serve();
    await client.open("posts/bang.md", "!! title: New\n!! \n\nBody.\n");
    const bang = labels(await client.request<Item[]>("textDocument/completion", at(client, "posts/bang.md", 1, 3)));
    expect(bang).toContain("published");
    expect(bang).toContain("aliases");
    expect(bang).not.toContain("title");
    await client.open("posts/yaml.md", "---\ntitle: New\npu\n---\n\nBody.\n");
    const yaml = await client.request<Item[]>("textDocument/completion", at(client, "posts/yaml.md", 2, 2));
    expect(labels(yaml)).toContain("date");
    expect(labels(yaml)).not.toContain("title");
    expect(yaml.find((item) => item.label === "published")?.textEdit?.newText).toBe("published: ");
    // The body is not the header.
    expect(await client.request<Item[]>("textDocument/completion", at(client, "posts/yaml.md", 5, 0))).toEqual([]);
  });

  it("`(` in the body offers the authors of the post's own Resources", async () => {
    const client = await serve();
    const text = `!! title: Cites\n!! published: 2024-02-01\n\nAs shown (Fo\n${resources}`;
    await client.open("posts/cites.md", text);
    const items = await client.request<Item[]>("textDocument/completion", at(client, "posts/cites.md", 3, 12));
    expect(labels(items)).toEqual(["Martin Fowler", "Jez Humble"]);
    expect(items[0]?.textEdit?.newText).toBe("Martin Fowler, ");
    // A link's `](` is no citation.
    const link = await client.change("posts/cites.md", text.replace("As shown (Fo", "As [shown]("));
    await client.diagnostics("posts/cites.md", (p) => p.version === link);
    expect(await client.request<Item[]>("textDocument/completion", at(client, "posts/cites.md", 3, 11))).toEqual([]);
  });
});

describe("daylight lsp: navigation", () => {
  it("definition goes to the linked post at the heading its #fragment names; hover shows title, date and description", async () => {
    const client = await serve();
    await client.open("posts/other.md", files["posts/other.md"]);
    const definition = await client.request<{ uri: string; range: { start: { line: number } } }>("textDocument/definition", at(client, "posts/other.md", 3, 8));
    expect(definition.uri).toBe(client.uri("posts/edd-for-ha.md"));
    expect(definition.range.start.line).toBe(10);
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", at(client, "posts/other.md", 3, 20));
    expect(hover.contents.value).toContain("**EDD for HA**");
    expect(hover.contents.value).toContain("2024-01-02");
    expect(hover.contents.value).toContain("Error budgets, done right.");
    expect(await client.request("textDocument/hover", at(client, "posts/other.md", 0, 3))).toBeNull();
  });

  it("a link to a Resources entry goes to the Resources heading", async () => {
    const client = await serve();
    const cited = "!! title: Cited\n!! published: 2024-01-04\n\nText.\n\n## Resources in the text\n\nMore.\n" + resources;
    await client.open("posts/cited.md", cited);
    await client.open("posts/citing.md", "!! title: Citing\n!! published: 2024-01-05\n\nSee [it](./posts/cited#resource-2).\n");
    const definition = await client.request<{ uri: string; range: { start: { line: number } } }>("textDocument/definition", at(client, "posts/citing.md", 3, 8));
    expect(definition.uri).toBe(client.uri("posts/cited.md"));
    expect(definition.range.start.line).toBe(cited.split("\n").indexOf("## Resources"));
  });

  it("hover shows a title as it is being typed in the other post, unsaved", async () => {
    const client = await serve();
    await client.open("posts/other.md", files["posts/other.md"]);
    await client.open("posts/edd-for-ha.md", files["posts/edd-for-ha.md"]);
    const v = await client.change("posts/edd-for-ha.md", files["posts/edd-for-ha.md"].replace("EDD for HA", "Error budgets for HA"));
    await client.diagnostics("posts/edd-for-ha.md", (p) => p.version === v);
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", at(client, "posts/other.md", 3, 20));
    expect(hover.contents.value).toContain("**Error budgets for HA**");
  });

  it("references on a post list the posts and pages that link to it", async () => {
    const client = await serve();
    await client.open("posts/edd-for-ha.md", files["posts/edd-for-ha.md"]);
    const refs = await client.request<Array<{ uri: string; range: { start: { line: number; character: number } } }>>("textDocument/references",
      { ...at(client, "posts/edd-for-ha.md", 4, 0), context: { includeDeclaration: false } });
    expect(refs.map((r) => [r.uri, r.range.start.line, r.range.start.character])).toEqual([
      [client.uri("pages/about.md"), 2, 8],
      [client.uri("posts/other.md"), 3, 4],
    ]);
  });
});

describe("daylight lsp: quick fixes", () => {
  it("put the build's own suggestion in place: a slug, a #fragment, a header key", async () => {
    const client = await serve();
    const text = "!! title: Fix\n!! published: 2024-02-01\n!! descripton: Fixed.\n\nSee [a](./posts/edd-for-hb) and [b](./posts/edd-for-ha#setupp).\n";
    await client.open("posts/fix.md", text);
    const published = await client.diagnostics("posts/fix.md", (p) => p.version === 1);
    const fixes = await client.request<Array<{ title: string; edit: { changes: Record<string, Array<{ range: { start: { line: number; character: number }; end: { character: number } }; newText: string }>> } }>>(
      "textDocument/codeAction", { textDocument: { uri: client.uri("posts/fix.md") }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: published.diagnostics } });
    const edits = fixes.map((fix) => [fix.title, ...(fix.edit.changes[client.uri("posts/fix.md")] ?? []).map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])]);
    expect(edits).toEqual([
      ["Change to `description`", [2, 3, 13, "description"]],
      ["Change to `edd-for-ha`", [4, 16, 26, "edd-for-ha"]],
      ["Change to `#setup`", [4, 55, 61, "setup"]],
    ]);
  });
});

describe("daylight lsp: rename a slug", () => {
  it("updates every link, sets the slug, and keeps the old URL in aliases", async () => {
    const client = await serve();
    await client.open("posts/other.md", files["posts/other.md"]);
    const prepared = await client.request<{ placeholder: string }>("textDocument/prepareRename", at(client, "posts/other.md", 3, 16));
    expect(prepared.placeholder).toBe("edd-for-ha");
    const edit = await client.request<{ changes: Record<string, Array<{ range: { start: { line: number; character: number } }; newText: string }>> }>(
      "textDocument/rename", { ...at(client, "posts/other.md", 3, 16), newName: "edd-for-high-availability" });
    const summary = Object.entries(edit.changes).map(([uri, edits]) => [uri, edits.map((e) => [e.range.start.line, e.range.start.character, e.newText])]).sort();
    expect(summary).toEqual([
      [client.uri("pages/about.md"), [[2, 21, "edd-for-high-availability"]]],
      [client.uri("posts/edd-for-ha.md"), [[1, 0, "!! slug: edd-for-high-availability\n!! aliases: /posts/edd-for-ha/\n"]]],
      [client.uri("posts/other.md"), [[3, 18, "edd-for-high-availability"]]],
    ]);
  });

  it("starts from the slug field of the post itself too, and references can include that declaration", async () => {
    const client = await serve();
    const text = "!! title: EDD for HA\n!! slug: edd-for-ha\n!! published: 2024-01-02\n\nIntro.\n";
    await client.open("posts/edd-for-ha.md", text);
    const prepared = await client.request<{ range: { start: { character: number } }; placeholder: string }>("textDocument/prepareRename", at(client, "posts/edd-for-ha.md", 1, 12));
    expect(prepared).toMatchObject({ placeholder: "edd-for-ha", range: { start: { character: 9 } } });
    await expect(client.request("textDocument/prepareRename", at(client, "posts/edd-for-ha.md", 4, 2))).rejects.toThrow(/put the cursor on a post link/);
    const refs = await client.request<Array<{ uri: string; range: { start: { line: number } } }>>("textDocument/references",
      { ...at(client, "posts/edd-for-ha.md", 4, 0), context: { includeDeclaration: true } });
    expect(refs[0]).toMatchObject({ uri: client.uri("posts/edd-for-ha.md"), range: { start: { line: 1 } } });
    expect(refs).toHaveLength(3);
  });

  it("refuses a name that is not a slug, or one another post has", async () => {
    const client = await serve();
    await client.open("posts/other.md", files["posts/other.md"]);
    const rename = (newName: string) => client.request("textDocument/rename", { ...at(client, "posts/other.md", 3, 16), newName });
    await expect(rename("Not A Slug")).rejects.toThrow(/not a slug.*not-a-slug/);
    await expect(rename("other")).rejects.toThrow(/already used by posts\/other\.md/);
  });
});
