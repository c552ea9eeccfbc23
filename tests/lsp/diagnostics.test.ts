import { afterEach, describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { rulesOf, startClient, type LspClient } from "./lsp-client.js";

const config = { title: "LSP", url: "https://example.com/" };
const post = (title: string, body = "Some text.\n", extra = "") => `!! title: ${title}\n!! published: 2024-01-02\n${extra}\n${body}`;

const clients: LspClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.stop();
});

async function serve(files: Record<string, string>, siteConfig: Record<string, unknown> = config): Promise<LspClient> {
  const client = await startClient(makeBlog(files, siteConfig));
  clients.push(client);
  return client;
}

const version = (v: number) => (p: { version?: number }) => p.version === v;

describe("daylight lsp: the build's diagnostics as the writer types", () => {
  it("publishes nothing for a fine post, then a broken post link with the nearest slug as its hint, before any save", async () => {
    const client = await serve({ "posts/edd-for-ha.md": post("EDD"), "posts/b.md": post("B") });
    await client.open("posts/b.md", post("B"));
    expect(rulesOf(await client.diagnostics("posts/b.md", version(1)))).toEqual([]);
    const v = await client.change("posts/b.md", post("B", "See [it](./posts/edd-for-hb).\n"));
    const published = await client.diagnostics("posts/b.md", version(v));
    expect(rulesOf(published)).toEqual(["4:broken-post-link"]);
    const [d] = published.diagnostics;
    expect(d?.severity).toBe(1);
    expect(d?.message).toContain("edd-for-ha");
    // The whole link is underlined.
    expect(d?.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 28 } });
  });

  it("a .txt is a post only while it starts with a header, as the build reads it; other files get nothing", async () => {
    const client = await serve({ "posts/a.md": post("A") });
    await client.open("posts/notes.txt", "plain notes, see ./posts/nowhere\n");
    const v = await client.change("posts/notes.txt", post("Notes", "[x](./posts/nowhere)\n"));
    // The first publication is of the text with a header: the plain one was no post.
    const first = await client.diagnostics("posts/notes.txt", () => true);
    expect([first.version, ...rulesOf(first)]).toEqual([v, "4:broken-post-link"]);
    const w = await client.change("posts/notes.txt", "plain notes again\n");
    expect(rulesOf(await client.diagnostics("posts/notes.txt", version(w)))).toEqual([]);
  });

  it("header mistakes: a near-miss key, a bad date, a missing title, each with the build's rule id", async () => {
    const client = await serve({ "posts/a.md": post("A") });
    await client.open("posts/a.md", "!! title: A\n!! publised: 2024-01-02\n!! draft: true\n\nText.\n");
    expect(rulesOf(await client.diagnostics("posts/a.md", version(1)))).toEqual(["2:unknown-key"]);
    const v = await client.change("posts/a.md", "!! published: 2024-13-45\n\nText.\n");
    expect(rulesOf(await client.diagnostics("posts/a.md", version(v))).sort()).toEqual(["1:invalid-date", "1:missing-title"]);
  });

  it("an unknown #fragment, a missing local file, and the config's rules lowering or silencing them", async () => {
    const files = { "posts/a.md": post("A", "## Setup\n\nText.\n"), "posts/b.md": post("B") };
    const body = "See [a](./posts/a#set-up) and ![x](./missing.png).\n";
    const client = await serve(files);
    await client.open("posts/b.md", post("B", body));
    const published = await client.diagnostics("posts/b.md", version(1));
    expect(rulesOf(published)).toEqual(["4:unknown-fragment", "4:missing-file"]);
    expect(published.diagnostics[0]?.message).toContain("hint: did you mean `#setup`?");
    expect(published.diagnostics[0]?.severity).toBe(2);

    const quiet = await serve(files, { ...config, rules: { "unknown-fragment": "off", "missing-file": "warning" } });
    await quiet.open("posts/b.md", post("B", body));
    const settled = await quiet.diagnostics("posts/b.md", version(1));
    expect(rulesOf(settled)).toEqual(["4:missing-file"]);
    expect(settled.diagnostics[0]?.severity).toBe(2);
  });

  it("a citation of an author the post's Resources do not list", async () => {
    const client = await serve({ "posts/a.md": post("A") });
    const resources = "\n---\n\n## Resources\n\n- [Nygard - Release It!](https://example.org/ri)\n";
    await client.open("posts/a.md", post("A", `As shown (Fowler, 2016).\n${resources}`));
    const published = await client.diagnostics("posts/a.md", version(1));
    expect(rulesOf(published)).toEqual(["4:unknown-citation"]);
    expect(published.diagnostics[0]?.range.start.character).toBe(10);
  });

  it("what assembling the site says of a header: a page slug daylight uses itself, a post with too many tags", async () => {
    const client = await serve({ "posts/a.md": post("A") });
    await client.open("pages/tags.md", "!! title: Tags\n\nMy tags.\n");
    expect(rulesOf(await client.diagnostics("pages/tags.md", version(1)))).toEqual(["1:reserved-slug"]);
    const tags = Array.from({ length: 65 }, (_, i) => `t${i}`).join(", ");
    await client.open("posts/a.md", post("A", "Text.\n", `!! tags: ${tags}\n`));
    expect(rulesOf(await client.diagnostics("posts/a.md", version(1)))).toEqual(["3:many-tags"]);
  });

  it("a published post is checked as `daylight build` publishes it (a link to a draft is broken there); a draft as --drafts builds it", async () => {
    const draft = "!! title: D\n!! draft: true\n\nSee [a](./posts/a) and [s](./posts/scheduled).\n";
    const client = await serve({ "posts/a.md": post("A"), "posts/d.md": draft, "posts/scheduled.md": "!! title: S\n!! published: 2099-01-01\n\nLater.\n" });
    await client.open("posts/b.md", post("B", "See [d](./posts/d) and [s](./posts/scheduled).\n"));
    expect(rulesOf(await client.diagnostics("posts/b.md", version(1)))).toEqual(["4:broken-post-link", "4:broken-post-link"]);
    await client.open("posts/d.md", draft);
    expect(rulesOf(await client.diagnostics("posts/d.md", version(1)))).toEqual([]);
    // Made a draft, b is checked as --drafts builds it.
    const v = await client.change("posts/b.md", post("B", "See [d](./posts/d) and [s](./posts/scheduled).\n", "!! draft: true\n"));
    expect(rulesOf(await client.diagnostics("posts/b.md", version(v)))).toEqual([]);
  });

  it("a slug taken by another post, and links into a post whose header is broken left to that post's own error", async () => {
    const client = await serve({ "posts/a.md": post("A"), "posts/c.md": "!! title: C\n!! published: never\n\nText.\n" });
    await client.open("posts/b.md", post("B", "See [c](./posts/c).\n", "!! slug: a\n"));
    expect(rulesOf(await client.diagnostics("posts/b.md", version(1)))).toEqual(["3:duplicate-slug"]);
    const v = await client.change("posts/b.md", post("B", "See [c](./posts/c).\n"));
    expect(rulesOf(await client.diagnostics("posts/b.md", version(v)))).toEqual([]);
  });

  it("an edit that changes a slug re-checks the other open posts: their links break and mend without a save", async () => {
    const client = await serve({ "posts/a.md": post("A"), "posts/b.md": post("B", "See [a](./posts/a).\n") });
    await client.open("posts/b.md", post("B", "See [a](./posts/a).\n"));
    await client.diagnostics("posts/b.md", version(1));
    await client.open("posts/a.md", post("A"));
    const broken = client.next("posts/b.md", (p) => rulesOf(p).includes("4:broken-post-link"));
    await client.change("posts/a.md", post("A", "Text.\n", "!! slug: renamed\n"));
    await broken;
    const mended = client.next("posts/b.md", (p) => p.diagnostics.length === 0);
    await client.change("posts/a.md", post("A"));
    await mended;
  });
});
