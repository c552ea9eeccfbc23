import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../files/list-files.js";
import { isHiddenName } from "../files/skipped-names.js";
import { fingerprintThemeAssets, type ThemeAsset } from "./fingerprint-theme-assets.js";

/** One LiquidJS template of the theme. */
export interface ThemeTemplate {
  /** Name inside the templates folder, POSIX: `post.liquid`, `partials/head.liquid`. */
  readonly name: string;
  /** Where the file is, for diagnostics: `templates/post.liquid` (site root or working folder). */
  readonly path: string;
  readonly text: string;
}

/** The theme a build renders with: the site's templates laid over the built-in ones. */
export interface Theme {
  /** Template name → template, in name order. */
  readonly templates: ReadonlyMap<string, ThemeTemplate>;
  /** Name in the theme (`assets/style.css`) → the asset as published under its hashed name, in name order. */
  readonly assets: ReadonlyMap<string, ThemeAsset>;
}

const templateExtension = ".liquid";
const assetsFolder = "assets";

/**
 * Reads the built-in theme, then the site's templates/ (when given) over it, file by file:
 * a site file with the same relative name replaces the built-in one.
 */
export async function readTheme(siteTemplatesDir: string | undefined, builtinTemplatesDir: string): Promise<Theme> {
  const builtin = path.resolve(builtinTemplatesDir);
  const site = siteTemplatesDir === undefined ? undefined : path.resolve(siteTemplatesDir);
  const templates = new Map<string, ThemeTemplate>();
  const assets = new Map<string, string>();
  await addFolder(builtin, builtinDisplayRoot(builtin, site), templates, assets);
  if (site !== undefined && site !== builtin) await addFolder(site, path.dirname(site), templates, assets);
  return { templates: sortByKey(templates), assets: await fingerprintThemeAssets(assets) };
}

/** Built-in templates are named from the working folder when they sit below it, else absolutely. */
function builtinDisplayRoot(builtin: string, site: string | undefined): string | undefined {
  if (builtin === site) return path.dirname(builtin);
  const relative = path.relative(process.cwd(), builtin);
  return relative.startsWith("..") || path.isAbsolute(relative) ? undefined : process.cwd();
}

async function addFolder(
  dir: string,
  displayRoot: string | undefined,
  templates: Map<string, ThemeTemplate>,
  assets: Map<string, string>,
): Promise<void> {
  for (const file of themeFiles(dir)) {
    const name = toPosix(path.relative(dir, file));
    if (name.startsWith(`${assetsFolder}/`)) {
      assets.set(name, file);
    } else if (name.endsWith(templateExtension)) {
      const text = stripBom(await readFile(file, "utf8"));
      const shown = displayRoot === undefined ? file : path.relative(displayRoot, file);
      templates.set(name, { name, path: toPosix(shown), text });
    }
  }
}

/** Every file below `dir`, skipping names that start with "." (editor and OS litter); none when `dir` is absent or a file. */
function themeFiles(dir: string): string[] {
  try {
    return listFiles(dir, { skip: isHiddenName, regularOnly: true }).map((name) => path.join(dir, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw err;
  }
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function sortByKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
