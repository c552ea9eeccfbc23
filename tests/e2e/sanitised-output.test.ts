import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/run-cli.js";

/**
 * SECURITY.md's promise to people who build untrusted posts: with a sanitiser in
 * `rehypePlugins`, nothing a post writes reaches a published file unsanitised (the body,
 * its excerpt on the index, its Resources list, every feed).
 */

/** A site inside the repository (so that its config's imports resolve), with a sanitiser. */
function hostileSite(sanitiser: boolean): string {
  const root = path.join(tempDir(path.join(repoRoot, "tests/fixtures/.tmp-")), "site");
  mkdirSync(path.join(root, "posts"), { recursive: true });
  writeFileSync(path.join(root, "site.config.mjs"), sanitiser
    ? [
        'import rehypeSanitize, { defaultSchema } from "rehype-sanitize";',
        // Comments kept, so that `<!-- more -->` still cuts an excerpt for the index.
        'export default { title: "T", url: "https://example.com/", rehypePlugins: [[rehypeSanitize, { ...defaultSchema, allowComments: true }]] };',
      ].join("\n")
    : 'export default { title: "T", url: "https://example.com/" };');
  writeFileSync(path.join(root, "posts/hostile.md"), [
    "!! title: Hostile",
    "!! published: 2026-01-02",
    "",
    "Excerpt [click](javascript:alert(1)) <a href=\"JavaScript:alert(2)\">raw</a>.",
    "",
    "<!-- more -->",
    "",
    "Body [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">raw</a>.",
    "",
    "---",
    "",
    "# Resources",
    "",
    "- [Eve - Click](javascript:alert(5))",
    "- [Eve - Ref][r]",
    "- [Eve - File](ftp://evil.example/file)",
    "",
    "[r]: vbscript:msgbox(6)",
    "",
  ].join("\n"));
  return root;
}

/** Every published text file's path and bytes. */
function publishedTexts(out: string): [string, string][] {
  return readdirSync(out, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(html|xml|json)$/.test(name))
    .map((name) => [name, readFileSync(path.join(out, name), "utf8")]);
}

describe("a hostile post built with a sanitiser in rehypePlugins", () => {
  it("publishes no URL the sanitiser refuses: not on the index, the post page, feed.xml, atom.xml or feed.json", async () => {
    const root = hostileSite(true);
    const out = path.join(root, "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--no-cache"]);
    expect(run.code, run.err.join("\n")).toBe(0);
    const files = publishedTexts(out);
    for (const name of ["index.html", "posts/hostile/index.html", "feed.xml", "atom.xml", "feed.json"]) {
      expect(files.map(([file]) => file)).toContain(name);
    }
    // ftp: is safe, but not among the sanitiser's protocols: proof that it saw the Resources list.
    for (const [name, text] of files) expect(`${name}: ${text}`).not.toMatch(/(java|vb)script:|ftp:/i);
    // The excerpt is on the index, and its safe text is still there.
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Excerpt");
  });

  it("without a sanitiser still refuses a Resources link that runs code, with a warning at its line", async () => {
    const root = hostileSite(false);
    const out = path.join(root, "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.err.filter((line) => line.includes("[unsafe-url]")).map((line) => line.split("  ")[0])).toEqual([
      "posts/hostile.md:14:3",
      "posts/hostile.md:15:3",
    ]);
    const page = readFileSync(path.join(out, "posts/hostile/index.html"), "utf8");
    const resources = page.slice(page.indexOf('id="resources"'));
    expect(resources).toContain("Click");
    expect(resources).not.toMatch(/(java|vb)script:/i);
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) {
      const text = readFileSync(path.join(out, feed), "utf8");
      expect(text).not.toMatch(/alert\(5\)|msgbox\(6\)/);
    }
  });
});

describe("a public file whose name holds a newline", () => {
  it("cannot inject a _headers rule: the build stops with one positioned error and writes nothing", async () => {
    const root = path.join(tempDir(), "site");
    mkdirSync(path.join(root, "posts"), { recursive: true });
    mkdirSync(path.join(root, "public"));
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "T", url: "https://example.com/" }));
    writeFileSync(path.join(root, "posts/a.md"), "!! title: A\n!! published: 2026-01-02\n\nText.\n");
    // A folder "a\n" holding a file "*\n  Access-Control-Allow-Origin: *": its path is the payload.
    mkdirSync(path.join(root, "public", "a\n"));
    writeFileSync(path.join(root, "public", "a\n/*\n  Access-Control-Allow-Origin: *"), "x");
    const out = path.join(root, "dist");
    const run = await runCli(["build", "--root", root, "--out", out, "--no-cache"]);
    expect(run.code).toBe(1);
    const errors = run.err.filter((line) => line.includes("[unsafe-file-name]"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^public\/a\\n\/\*\\n {2}Access-Control-Allow-Origin: \*:1:1 {2}error {2}/);
    expect(existsSync(out)).toBe(false);
  });
});
