import type { FS } from "liquidjs";
import { hasExtension, rootedPath } from "../files/rooted-path.js";
import type { Theme } from "./read-theme.js";

/** The virtual folder the theme's templates live in, as LiquidJS sees them. */
export const themeRoot = "/";

/**
 * LiquidJS's file-system interface over the theme's templates, already read into memory:
 * rendering never touches the disk, and a template is found by its name (`partials/head.liquid`).
 */
export function createThemeFs(theme: Theme): FS {
  const fileOf = (filepath: string) => theme.templates.get(filepath.replace(/^\/+/, ""));
  const read = (filepath: string): string => {
    const template = fileOf(filepath);
    // LiquidJS only reads what `exists` confirmed, so a miss here is a lookup race, not user input.
    if (template === undefined) throw Object.assign(new Error(`ENOENT: ${filepath}`), { code: "ENOENT" });
    return template.text;
  };
  return {
    sep: "/",
    exists: async (filepath) => fileOf(filepath) !== undefined,
    existsSync: (filepath) => fileOf(filepath) !== undefined,
    readFile: async (filepath) => read(filepath),
    readFileSync: read,
    resolve: (dir, file, ext) => normalize(`${dir}/${file}${hasExtension(file) ? "" : ext}`),
    dirname: (filepath) => filepath.slice(0, filepath.lastIndexOf("/") + 1) || themeRoot,
    contains: async (_root, filepath) => isInside(filepath),
    containsSync: (_root, filepath) => isInside(filepath),
  };
}

/** `/a/./b/../c.liquid` → `/a/c.liquid`; `..` never climbs above the root. */
const normalize = (filepath: string): string => `/${rootedPath(filepath)}`;

const isInside = (filepath: string): boolean => filepath.startsWith(themeRoot) && !filepath.includes("/../");
