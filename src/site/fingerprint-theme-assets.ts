import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashedName } from "../assets/hashed-name.js";
import type { OutputFile } from "../model.js";

/** A file of the theme's assets/ folder, as it is published: under a content-hashed name. */
export interface ThemeAsset {
  /** `assets/style.3f9a2c1b.css`, relative to the output root. */
  readonly outputPath: string;
  readonly file: OutputFile;
}

// url(x), url('x'), url("x"): the references a stylesheet makes to fonts and images.
const cssUrl = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/**
 * Gives every theme asset a content-hashed name. Stylesheets are published with their
 * `url()` references to other theme assets rewritten to the hashed names, and hashed after
 * that rewrite, so a changed font also changes the name of the CSS that loads it.
 */
export async function fingerprintThemeAssets(
  sources: ReadonlyMap<string, string>,
): Promise<Map<string, ThemeAsset>> {
  const assets = new Map<string, ThemeAsset>();
  const stylesheets: [string, string][] = [];
  for (const [name, sourcePath] of sources) {
    if (name.endsWith(".css")) {
      stylesheets.push([name, sourcePath]);
      continue;
    }
    const outputPath = hashedName(name, await readFile(sourcePath));
    assets.set(name, { outputPath, file: { path: outputPath, sourcePath } });
  }
  // Stylesheets after the files they reference; one stylesheet @import-ing another is not rewritten.
  for (const [name, sourcePath] of stylesheets) {
    const css = rewriteCssUrls(await readFile(sourcePath, "utf8"), name, assets);
    const outputPath = hashedName(name, css);
    assets.set(name, { outputPath, file: { path: outputPath, contents: css } });
  }
  return new Map([...assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Rewrites relative `url()`s of `css` (published as `name`) that name another theme asset. */
export function rewriteCssUrls(css: string, name: string, assets: ReadonlyMap<string, ThemeAsset>): string {
  const folder = path.posix.dirname(name);
  return css.replace(cssUrl, (whole, quote: string, url: string) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return whole;
    const cut = url.search(/[?#]/);
    const file = cut === -1 ? url : url.slice(0, cut);
    const suffix = cut === -1 ? "" : url.slice(cut);
    const target = assets.get(path.posix.normalize(path.posix.join(folder, file)));
    if (target === undefined) return whole;
    const relative = path.posix.relative(folder, target.outputPath);
    return `url(${quote}${relative}${suffix}${quote})`;
  });
}
