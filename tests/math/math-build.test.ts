import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog, reported } from "../support/make-blog.js";
import { readOutput, repoRoot, runCli, snapshot } from "../support/run-cli.js";
import { packagesLoaded } from "../images/packages-loaded.js";
import { java } from "../support/system-tools.js";

const config = { title: "Formulas", url: "https://example.com/" };
const post = (title: string, day: number, body: string) => `!! title: ${title}\n!! published: 2024-01-0${day}\n\n---\n\n${body}`;
const files = {
  "posts/euler.md": post("Euler", 2, "Euler: $e^{i\\pi}+1=0$, for $5 and $10.\n\n<!-- more -->\n\n$$\n\\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6}\n$$\n"),
  "posts/plain.md": post("Plain", 1, "No formulas here, only `$HOME`.\n"),
};
const stylesheetLink = /<link rel="stylesheet" href="(\/assets\/katex\/katex\.[0-9a-f]{8}\.css)">/;

describe("math in a build", () => {
  it("publishes KaTeX's stylesheet and fonts under hashed names, linked only from pages with a formula", async () => {
    const root = makeBlog(files, config);
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const css = stylesheetLink.exec(readOutput(out, "posts/euler/index.html"))?.[1];
    expect(css).toBeDefined();
    // The home page shows Euler's excerpt, which holds a formula; the other post's page has none.
    expect(stylesheetLink.exec(readOutput(out, "index.html"))?.[1]).toBe(css);
    expect(readOutput(out, "posts/plain/index.html")).not.toContain("katex");
    expect(readOutput(out, "archive/index.html")).not.toContain("katex");
    const stylesheet = readOutput(out, css!.slice(1));
    const fonts = Array.from(stylesheet.matchAll(/url\(([^)]+)\)/g), (m) => m[1]!);
    expect(fonts.length).toBe(20);
    for (const font of fonts) {
      expect(font).toMatch(/^fonts\/KaTeX_[A-Za-z0-9-]+\.[0-9a-f]{8}\.woff2$/);
      expect(existsSync(path.join(out, "assets/katex", font))).toBe(true);
    }
    expect(readdirSync(path.join(out, "assets/katex/fonts")).length).toBe(20);
    // Feeds carry the MathML (with the TeX as its annotation), not KaTeX's HTML.
    const feed = readOutput(out, "feed.xml");
    expect(feed).toContain("&lt;math xmlns=");
    expect(feed).toContain("\\frac{\\pi^2}{6}");
    expect(feed).not.toContain("katex-html");
  });

  it("a site without formulas publishes none of KaTeX's files", async () => {
    const root = makeBlog({ "posts/plain.md": files["posts/plain.md"] }, config);
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    expect(existsSync(path.join(out, "assets/katex"))).toBe(false);
  });

  it("a warm build, whose renderings come from the cache, writes the same files as a cold one (the stylesheet link included)", async () => {
    const root = makeBlog(files, config);
    const cache = path.join(root, "cache");
    const cold = path.join(root, "cold");
    const warm = path.join(root, "warm");
    expect((await runCli(["build", "--root", root, "--out", cold, "--cache-dir", cache])).code).toBe(0);
    expect((await runCli(["build", "--root", root, "--out", warm, "--cache-dir", cache])).code).toBe(0);
    expect(snapshot(warm)).toEqual(snapshot(cold));
    expect(readOutput(warm, "posts/euler/index.html")).toMatch(stylesheetLink);
  });

  it("an invalid formula fails the build with a positioned invalid-math error", async () => {
    const root = makeBlog({ "posts/bad.md": post("Bad", 1, "Fine $x$.\n\nBroken: $\\frac{1}{$ here.\n") }, config);
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "out")]);
    expect(run.code).toBe(1);
    expect(reported(run)).toEqual(["posts/bad.md:8:9 [invalid-math]"]);
  });

  const { available } = java();
  it.runIf(available)("the Nu Html Checker finds no error in pages with formulas", async () => {
    const root = makeBlog(files, config);
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const jar = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
    const pages = ["index.html", "posts/euler/index.html"].map((page) => path.join(out, page));
    const result = spawnSync("java", ["-jar", jar, "--errors-only", ...pages], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("math loads only where a source has a `$`", () => {
  const mathPackages = ["katex", "micromark-extension-math", "mdast-util-math", "hast-util-from-html"];

  it("a build of posts without a `$` loads no math package; one with a formula loads them", () => {
    const plain = packagesLoaded(makeBlog({ "posts/a.md": post("A", 1, "No money, no math.\n") }, config));
    expect(plain).toContain("unified");
    expect(mathPackages.filter((name) => plain.has(name))).toEqual([]);
    const withMath = packagesLoaded(makeBlog({ "posts/a.md": post("A", 1, "Area: $\\pi r^2$.\n") }, config));
    expect(mathPackages.filter((name) => withMath.has(name))).toEqual(mathPackages);
  });
});
