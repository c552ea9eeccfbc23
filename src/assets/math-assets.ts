import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { hashedName } from "./hashed-name.js";
import type { OutputFile } from "../model.js";

/** KaTeX's stylesheet and the fonts it loads, as a build publishes them. */
export interface MathAssets {
  /** `assets/katex/katex.<hash>.css`, relative to the output root. */
  readonly stylesheet: string;
  /** The stylesheet and its fonts, under content-hashed names. */
  readonly files: readonly OutputFile[];
}

const folder = "assets/katex";
let assets: MathAssets | undefined;

/**
 * KaTeX's stylesheet with each `@font-face` cut to its WOFF2 source (every browser that runs
 * KaTeX's CSS reads WOFF2; the WOFF and TTF copies would only be published, never loaded),
 * and those fonts under content-hashed names. Read from the katex package once, when the
 * first page with a formula needs it.
 */
export function mathAssets(): MathAssets {
  if (assets !== undefined) return assets;
  const dist = path.dirname(createRequire(import.meta.url).resolve("katex"));
  const fonts = new Map<string, OutputFile>();
  for (const name of readdirSync(path.join(dist, "fonts")).filter((file) => file.endsWith(".woff2")).sort()) {
    const sourcePath = path.join(dist, "fonts", name);
    fonts.set(`fonts/${name}`, { path: hashedName(`${folder}/fonts/${name}`, readFileSync(sourcePath)), sourcePath });
  }
  const css = withHashedFonts(readFileSync(path.join(dist, "katex.min.css"), "utf8"), fonts);
  const stylesheet = hashedName(`${folder}/katex.css`, css);
  assets = { stylesheet, files: [{ path: stylesheet, contents: css }, ...fonts.values()] };
  return assets;
}

/** The CSS with only WOFF2 font sources, each naming its hashed file (relative to the stylesheet). */
export function withHashedFonts(css: string, fonts: ReadonlyMap<string, OutputFile>): string {
  return css
    .replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "")
    .replace(/url\((fonts\/[^)]+\.woff2)\)/g, (whole, file: string) => {
      const font = fonts.get(file);
      return font === undefined ? whole : `url(${path.posix.relative(folder, font.path)})`;
    });
}

/** The stylesheet's URL path (base path included) for pages whose HTML holds a formula. */
export const mathStylesheetUrl = (basePath: string): string => basePath + mathAssets().stylesheet;

/** KaTeX's files when some published page shows a formula; none otherwise. */
export const mathOutputFiles = (rendered: readonly { readonly math: boolean }[]): readonly OutputFile[] =>
  rendered.some((post) => post.math === true) ? mathAssets().files : [];
