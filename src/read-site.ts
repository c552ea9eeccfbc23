import { readFile } from "node:fs/promises";
import path from "node:path";
import { postAssetSource, publicAssetSource, type AssetSource } from "./assets/asset-index.js";
import { listFiles } from "./assets/read-files.js";
import { readConfigText } from "./config/read-config-text.js";
import { displayPath, readPostSources } from "./content/read-sources.js";
import type { Diagnostic } from "./diagnostics.js";
import type { SourceFile } from "./model.js";
import { builtinTemplatesDir } from "./package-paths.js";
import { readTheme, type Theme } from "./site/read-theme.js";

/** Where a site's parts live; any of them may be missing on disk. */
export interface SiteLayout {
  readonly root: string;
  readonly postsDir: string;
  readonly templatesDir: string;
  readonly publicDir: string;
}

/** Everything a build needs from disk, read once: the build itself then touches no file. */
export interface SiteSources {
  readonly configText: string | undefined;
  readonly posts: readonly SourceFile[];
  readonly theme: Theme;
  readonly assets: readonly AssetSource[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The usual layout of a site folder, with `--posts` overriding where posts are read from. */
export function siteLayout(root: string, postsDir = path.join(root, "posts")): SiteLayout {
  return { root, postsDir, templatesDir: path.join(root, "templates"), publicDir: path.join(root, "public") };
}

/** Reads the config text, posts, theme and local assets of a site. */
export async function readSite(layout: SiteLayout): Promise<SiteSources> {
  const [configText, posts, theme, publicFiles] = await Promise.all([
    readConfigText(layout.root),
    readPostSources(layout.root, layout.postsDir),
    readTheme(layout.templatesDir, builtinTemplatesDir),
    listFiles(layout.publicDir, false),
  ]);
  const postAssets = await Promise.all(
    posts.assetFiles.map(async (file) =>
      postAssetSource(displayPath(layout.root, file), file, await readFile(file)),
    ),
  );
  const publicAssets = publicFiles.map((file) =>
    publicAssetSource(path.relative(layout.publicDir, file).split(path.sep).join("/"), file),
  );
  return {
    configText,
    posts: posts.sources,
    theme,
    assets: [...postAssets, ...publicAssets],
    diagnostics: posts.diagnostics,
  };
}
