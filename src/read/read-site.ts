import { readFile } from "node:fs/promises";
import path from "node:path";
import { postAssetSource, publicAssetSource, type AssetSource } from "../assets/asset-index.js";
import { readImageInfos } from "../assets/read-image-info.js";
import { readConfigSource, type ConfigSource } from "../config/config-source.js";
import { displayPath, readPostSources } from "../content/read-sources.js";
import { listFiles } from "../files/list-files.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../model.js";
import { builtinTemplatesDir } from "../config/package-paths.js";
import { readTheme, type Theme } from "../site/read-theme.js";
import type { SiteLayout } from "./site-layout.js";

// Where a site's parts are is its own small module: the build's fast path needs it without this one's imports.
export { siteLayout, type SiteLayout } from "./site-layout.js";

/** Everything a build needs from disk, read once: the build itself then touches no file. */
export interface SiteSources {
  /** site.config.json, or the imported site.config.mjs; undefined when the site has none. */
  readonly configSource: ConfigSource | undefined;
  readonly posts: readonly SourceFile[];
  /** Standalone pages from pages/ (About, Now…). */
  readonly pages: readonly SourceFile[];
  readonly theme: Theme;
  readonly assets: readonly AssetSource[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the config text, posts, theme and local assets of a site. */
export async function readSite(layout: SiteLayout): Promise<SiteSources> {
  // The posts and pages folders are walked and read synchronously (one walker for every folder: files/list-files.ts).
  const posts = readPostSources(layout.root, layout.postsDir);
  const pages = readPostSources(layout.root, layout.pagesDir);
  const [configSource, theme, publicAssets] = await Promise.all([
    readConfigSource(layout.root),
    readTheme(layout.templatesDir, builtinTemplatesDir),
    readPublicAssets(layout.publicDir),
  ]);
  const postAssets = await Promise.all(
    [...posts.assetFiles, ...pages.assetFiles].sort().map(async (file) =>
      postAssetSource(displayPath(layout.root, file), file, await readFile(file)),
    ),
  );
  return {
    configSource,
    posts: posts.sources,
    pages: pages.sources,
    theme,
    assets: [...postAssets, ...publicAssets],
    diagnostics: [...posts.diagnostics, ...pages.diagnostics],
  };
}

/** Every file of public/ (hidden ones too: `.well-known/`), with image sizes read from their headers. */
export async function readPublicAssets(publicDir: string): Promise<AssetSource[]> {
  const names = listFiles(publicDir, { regularOnly: true });
  const files = names.map((name) => path.join(publicDir, name));
  const images = await readImageInfos(files);
  return names.map((name, i) => publicAssetSource(name, files[i]!, images[i]));
}
