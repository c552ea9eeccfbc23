import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog, reported } from "../support/make-blog.js";
import { runCli, tempDir } from "../support/run-cli.js";

const header = (title: string) => `!! title: ${title}\n!! published: 2024-05-01\n\n`;
const build = (root: string, ...flags: string[]) => runCli(["build", "--root", root, "--out", path.join(root, "dist"), ...flags]);
const html = (root: string, page: string) => readFileSync(path.join(root, "dist", page), "utf8");

const docsPost = header("A") + "See [the guide](/docs/guide) and [the docs][d].\n\n[d]: /docs/nope\n";

describe("a blog that links to /docs/ beside it on the same domain", () => {
  it("fails at each link's place in the post, the reference-style one at its use; passes with externalPaths", async () => {
    const root = makeBlog({ "posts/a.md": docsPost }, { url: "https://x.org/" });
    const failed = await build(root);
    expect(failed.code).toBe(1);
    expect(reported(failed)).toEqual(["posts/a.md:4:5 [broken-reference]", "posts/a.md:4:34 [broken-reference]"]);
    expect(failed.err.join("\n")).toContain("the link's definition `[d]` is on line 6");

    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ url: "https://x.org/", externalPaths: ["/docs/"] }));
    const passed = await build(root);
    expect(passed.code).toBe(0);
    expect(reported(passed)).toEqual([]);
    expect(html(root, "posts/a/index.html")).toContain('<a href="/docs/guide">the guide</a> and <a href="/docs/nope">the docs</a>');
    // check and deploy read the same config: the links are not theirs to judge either.
    expect((await runCli(["check", "--root", root])).code).toBe(0);
    expect((await runCli(["deploy", "--root", root, "--to", tempDir()])).code).toBe(0);
    // Without the site's config, the same folder's /docs/ links are broken.
    const bare = await runCli(["check", "--root", tempDir(), "--out", path.join(root, "dist")]);
    expect(bare.code).toBe(1);
    expect(reported(bare).filter((line) => line.includes("broken-reference"))).toHaveLength(2);
  });

  it("under a base path, leaves the host's other paths alone with no setting (templates), and post links with externalPaths", async () => {
    const files = {
      "posts/a.md": header("A") + "Read [the API](/api/v2) and [a guide](https://x.org/docs/guide).\n",
      "templates/partials/site-footer.liquid": '<footer><a href="/docs/">Docs</a> <a href="https://x.org/download/">Get it</a></footer>\n',
    };
    const root = makeBlog(files, { url: "https://x.org/blog/", externalPaths: ["/api/"] });
    const run = await build(root);
    expect(reported(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(html(root, "posts/a/index.html")).toContain('<a href="/api/v2">the API</a>');
    expect(html(root, "index.html")).toContain('<a href="/docs/">Docs</a>');
    const check = await runCli(["check", "--root", root]);
    expect(reported(check)).toEqual([]);
    expect(check.code).toBe(0);
  });
});

describe("rules in site.config.json", () => {
  const files = {
    "posts/a.md": header("A") + "See [b](./posts/b#nowhere) and [c](./posts/hello).\n",
    "posts/b.md": header("B") + "## Intro\n\nText.\n",
    "posts/2024-04-01-hello.md": header("Hello") + "Hi.\n",
  };

  it("makes a link to an unknown post an error by default, with the nearest slug", async () => {
    const run = await build(makeBlog(files, { url: "https://x.org/" }));
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["posts/a.md:4:5 [unknown-fragment]", "posts/a.md:4:32 [broken-post-link]"]);
    expect(run.err.join("\n")).toContain("did you mean `2024-04-01-hello`?");
  });

  it("lowers, raises and turns off any rule, before --strict", async () => {
    const lowered = makeBlog(files, { url: "https://x.org/", rules: { "broken-post-link": "warning" } });
    const run = await build(lowered);
    expect(run.code).toBe(0);
    expect([...run.out, ...run.err].join("\n")).toMatch(/posts\/a\.md:4:32 {2}warning {2}.*\[broken-post-link\]/);
    expect((await build(lowered, "--strict")).code).toBe(1);

    const off = await build(makeBlog(files, { url: "https://x.org/", rules: { "broken-post-link": "off", "unknown-fragment": "off" } }), "--strict");
    expect(reported(off)).toEqual([]);
    expect(off.code).toBe(0);

    const raised = await build(makeBlog(files, { url: "https://x.org/", rules: { "broken-post-link": "off", "unknown-fragment": "error" } }));
    expect(raised.code).toBe(1);
    expect(raised.err.join("\n")).toMatch(/posts\/a\.md:4:5 {2}error {2}.*\[unknown-fragment\]/);
  });

  it("reports an unknown rule id at its place in the config, naming the nearest one, and builds nothing", async () => {
    const root = makeBlog(files, { url: "https://x.org/", rules: { "broken-post-links": "warning" } });
    const run = await build(root);
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(/^site\.config\.json:4:5 {2}error {2}.*unknown rule "broken-post-links": did you mean "broken-post-link"\?.*\[config-error\]/);
  });
});

describe("one problem, one diagnostic", () => {
  it("reports a root link to a missing image once, by one rule, and not at all when the rule is off", async () => {
    const post = { "posts/a.md": header("A") + "A chart:\n\n![chart](/img/nope.png)\n\n<p>And <img alt=\"\" src=\"/img/gone.png\"></p>\n" };
    const run = await build(makeBlog(post, { url: "https://x.org/" }));
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["posts/a.md:6:1 [missing-file]", "posts/a.md:8:8 [missing-file]"]);
    const off = await build(makeBlog(post, { url: "https://x.org/", rules: { "missing-file": "off" } }));
    expect(reported(off)).toEqual([]);
    expect(off.code).toBe(0);
  });

  it("reports nothing for links into a post that exists but has errors: its own error is enough", async () => {
    const run = await build(makeBlog({
      "posts/a.md": header("A") + "See [b](./posts/b) and [b again](/posts/b/).\n",
      "posts/b.md": "!! published: 2024-05-01\n\nNo title.\n",
    }, { url: "https://x.org/" }));
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["posts/b.md:1:1 [missing-title]"]);
  });
});
