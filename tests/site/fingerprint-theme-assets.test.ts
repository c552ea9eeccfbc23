import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { fingerprintThemeAssets, rewriteCssUrls } from "../../src/site/fingerprint-theme-assets.js";
import type { Theme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function files(entries: Record<string, string>): Map<string, string> {
  dir = mkdtempSync(path.join(os.tmpdir(), "daylight-theme-"));
  const sources = new Map<string, string>();
  for (const [name, text] of Object.entries(entries)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    sources.set(name, file);
  }
  return sources;
}

describe("fingerprintThemeAssets", () => {
  it("names every asset by its content and points the CSS at the hashed font", async () => {
    const assets = await fingerprintThemeAssets(
      files({
        "assets/style.css": "@font-face { src: url('fonts/a.woff2') format('woff2'); } a { background: url(https://x.org/i.png); }",
        "assets/fonts/a.woff2": "font bytes",
      }),
    );
    const font = assets.get("assets/fonts/a.woff2")!;
    expect(font.outputPath).toMatch(/^assets\/fonts\/a\.[0-9a-f]{8}\.woff2$/);
    const css = assets.get("assets/style.css")!;
    expect(css.outputPath).toMatch(/^assets\/style\.[0-9a-f]{8}\.css$/);
    expect(css.file).toMatchObject({ contents: expect.stringContaining(`url('${font.outputPath.slice("assets/".length)}')`) });
    expect(css.file).toMatchObject({ contents: expect.stringContaining("url(https://x.org/i.png)") });
  });

  it("gives the stylesheet a new name when only the font it loads changed", async () => {
    const before = await fingerprintThemeAssets(files({ "assets/s.css": "x { src: url(f.woff2) }", "assets/f.woff2": "1" }));
    rmSync(dir, { recursive: true });
    const after = await fingerprintThemeAssets(files({ "assets/s.css": "x { src: url(f.woff2) }", "assets/f.woff2": "2" }));
    expect(after.get("assets/s.css")!.outputPath).not.toBe(before.get("assets/s.css")!.outputPath);
  });

  it("keeps query and fragment, and leaves unknown and absolute URLs alone", () => {
    const assets = new Map([["assets/i.svg", { outputPath: "assets/i.12345678.svg", file: { path: "", contents: "" } }]]);
    expect(rewriteCssUrls('a{b:url("i.svg#icon")} c{d:url(/i.svg)} e{f:url(nope.svg)}', "assets/s.css", assets)).toBe(
      'a{b:url("i.12345678.svg#icon")} c{d:url(/i.svg)} e{f:url(nope.svg)}',
    );
  });
});

describe("the asset_url filter", () => {
  const theme = (text: string): Theme => ({
    templates: new Map([["page.liquid", { name: "page.liquid", path: "templates/page.liquid", text }]]),
    assets: new Map([["assets/style.css", { outputPath: "assets/style.0badf00d.css", file: { path: "", contents: "" } }]]),
  });
  const config = { ...defaultSiteConfig, basePath: "/blog/" };

  it("gives the hashed URL with the base path", () => {
    expect(createTemplateRenderer(theme('{{ "style.css" | asset_url }}'), config, new Date(0)).render("page", {}).html).toBe(
      "/blog/assets/style.0badf00d.css",
    );
  });

  it("reports an unknown asset as a template error at its line", () => {
    const result = createTemplateRenderer(theme('\n{{ "syle.css" | asset_url }}'), config, new Date(0)).render("page", {});
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/page.liquid", line: 2 }]);
  });
});
