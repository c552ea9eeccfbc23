import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { builtinTemplatesDir } from "../../src/config/package-paths.js";
import { readTheme } from "../../src/site/read-theme.js";
import { toSiteData } from "../../src/site/site-data.js";
import { buildTableOfContents } from "../../src/site/table-of-contents.js";
import { toNotFoundPageData } from "../../src/site/template-data.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";

let temp: string | undefined;
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
  temp = undefined;
});

/** A site's templates/ folder holding `files`. */
async function siteTemplates(files: Record<string, string>): Promise<string> {
  temp ??= await mkdtemp(path.join(tmpdir(), "daylight-theme-override-"));
  const dir = path.join(temp, "templates");
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const config: SiteConfig = { ...defaultSiteConfig, title: "T", url: "https://example.com/blog/", basePath: "/blog/" };

/** The built-in theme's 404 page (its head is every page's head) for a site with these templates and public/ files. */
async function notFoundPage(files: Record<string, string>, publicPaths: string[] = []): Promise<string> {
  const theme = await readTheme(await siteTemplates(files), builtinTemplatesDir);
  const context = { config, site: toSiteData(config, [], false, new Set(publicPaths)) };
  const result = createTemplateRenderer(theme, config, new Date(0)).render("404", toNotFoundPageData(context));
  expect(result.diagnostics).toEqual([]);
  return result.html ?? "";
}

const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);

describe("the built-in theme with a site's custom.css", () => {
  it("links templates/assets/custom.css after the theme's stylesheet, under its hashed name and the base path", async () => {
    const html = await notFoundPage({ "assets/custom.css": ":root { --link-light: #a4262c; --link-dark: #ff9e9e; }\n" });
    expect(stylesheets(html)).toEqual([
      expect.stringMatching(/^\/blog\/assets\/style\.[0-9a-f]{8}\.css$/),
      expect.stringMatching(/^\/blog\/assets\/custom\.[0-9a-f]{8}\.css$/),
    ]);
  });

  it("links no second stylesheet when the site has none, so no request is ever made for it", async () => {
    expect(stylesheets(await notFoundPage({}))).toEqual([expect.stringMatching(/^\/blog\/assets\/style\.[0-9a-f]{8}\.css$/)]);
  });

  it("gives custom.css a new name when its text changes, so a reader's cached copy is never stale", async () => {
    const [, first] = stylesheets(await notFoundPage({ "assets/custom.css": "a { color: red; }\n" }));
    await rm(temp ?? "", { recursive: true, force: true });
    temp = undefined;
    const [, second] = stylesheets(await notFoundPage({ "assets/custom.css": "a { color: blue; }\n" }));
    expect(first).not.toBe(second);
  });

  it("sets each colour once, with its light and dark value side by side, so an override names both in one rule", async () => {
    const theme = await readTheme(undefined, builtinTemplatesDir);
    const style = theme.assets.get("assets/style.css")?.file;
    const css = style !== undefined && "contents" in style ? String(style.contents) : "";
    for (const colour of ["bg", "text", "muted", "link", "link-visited", "border", "surface", "accent", "badge-bg", "badge-text"]) {
      expect(css).toMatch(new RegExp(`--${colour}-light: [^;]+;`));
      expect(css).toMatch(new RegExp(`--${colour}-dark: [^;]+;`));
      // The rules use the scheme-free name; only the two mapping blocks name a scheme.
      expect(css.match(new RegExp(`--${colour}: var\\(--${colour}-(light|dark)\\)`, "g"))).toHaveLength(2);
    }
  });
});

describe("the built-in theme's icons", () => {
  it("links the favicons public/ holds, the SVG last, under the base path", async () => {
    const html = await notFoundPage({}, ["favicon.svg", "favicon.ico", "apple-touch-icon.png", "images/x.png"]);
    expect([...html.matchAll(/<link rel="(icon|apple-touch-icon)"[^>]*>/g)].map((m) => m[0])).toEqual([
      '<link rel="icon" href="/blog/favicon.ico" type="image/x-icon">',
      '<link rel="icon" href="/blog/favicon.svg" type="image/svg+xml">',
      '<link rel="apple-touch-icon" href="/blog/apple-touch-icon.png">',
    ]);
  });

  it("links no icon when public/ has none", async () => {
    expect(await notFoundPage({}, ["images/favicon.svg"])).not.toContain('rel="icon"');
  });
});

describe("the built-in table of contents", () => {
  async function tocOf(texts: string[]): Promise<string> {
    const theme = await readTheme(undefined, builtinTemplatesDir);
    const toc = buildTableOfContents(texts.map((text, i) => ({ depth: 2, id: `h${i}`, text })));
    return createTemplateRenderer(theme, config, new Date(0)).render("partials/toc", { post: { toc } }).html ?? "";
  }

  it("numbers headings that carry no numbers of their own", async () => {
    expect(await tocOf(["Setup", "Build", "Ship"])).toContain('<h2 class="toc-title">Contents</h2>\n  <ol>');
  });

  it("does not number again headings that are numbered already", async () => {
    expect(await tocOf(["1. Setup", "2. Build", "What we skip"])).toContain('<ol class="toc-self-numbered">');
  });
});
