import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/run-cli.js";

/** A site at /blog/ whose own footer links to a page that does not exist. */
function siteWithBrokenFooter(rules: Record<string, string> = {}): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  mkdirSync(path.join(root, "templates/partials"), { recursive: true });
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "T", url: "https://x.org/blog/", rules }));
  writeFileSync(path.join(root, "posts/a.md"), "---\ntitle: A\ndate: 2024-01-01\n---\nHello.\n");
  const footer = readFileSync(path.join(repoRoot, "templates/partials/site-footer.liquid"), "utf8");
  writeFileSync(path.join(root, "templates/partials/site-footer.liquid"), footer.replace("</footer>", '<a href="/blog/nope/">x</a></footer>'));
  return root;
}

const diagnosticLines = (lines: string[]) => lines.map((l) => l.split("\n")[0]!).filter((l) => /  (error|warning)  /.test(l));

describe("a broken link in a template", () => {
  it("is one error at the template's line from build, check and deploy alike", async () => {
    const root = siteWithBrokenFooter();
    const footerLine = readFileSync(path.join(root, "templates/partials/site-footer.liquid"), "utf8").split("\n").findIndex((l) => l.includes("/blog/nope/")) + 1;
    const expected = new RegExp(`^templates/partials/site-footer\\.liquid:${footerLine}:\\d+  error  "/blog/nope/" .*\\[broken-reference\\]$`);

    const build = await runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
    expect(build.code).toBe(1);
    expect(diagnosticLines(build.err)).toEqual([expect.stringMatching(expected)]);

    // Built with the rule lowered, the output holds the link on every page; check and
    // deploy, judging it with the site's own rules again, still report it once.
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "T", url: "https://x.org/blog/", rules: { "broken-reference": "warning" } }));
    expect((await runCli(["build", "--root", root, "--out", path.join(root, "dist")])).code).toBe(0);
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "T", url: "https://x.org/blog/" }));
    const check = await runCli(["check", "--root", root, "--out", path.join(root, "dist")]);
    expect(check.code).toBe(1);
    expect(diagnosticLines(check.err)).toEqual([expect.stringMatching(expected)]);
    const deploy = await runCli(["deploy", "--root", root, "--out", path.join(root, "dist"), "--to", path.join(tempDir(), "www")]);
    expect(deploy.code).toBe(1);
    expect(diagnosticLines(deploy.err)).toEqual([expect.stringMatching(expected)]);
  });
});
