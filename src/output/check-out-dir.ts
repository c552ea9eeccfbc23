import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, parse } from "node:path";
import { siteSourcesIn } from "./holds-site-sources.js";
import { resolveRealPath } from "./resolve-real-path.js";

/** The site's input folders: the output may be none of them, contain none, and sit in none. */
const inputFolders = ["posts", "templates", "public", "pages"] as const;

/**
 * Why `outDir` must not be used as the output folder, or undefined when it may. A write
 * replaces the output folder wholesale (and removes `<outDir>.staging`/`.previous`), so
 * this refuses anything whose loss would hurt: `/`, the home folder, the site root or an
 * ancestor, a folder that is, contains or sits inside an input folder, and a folder that
 * holds a site's sources. `inputDirs` adds input folders given elsewhere (`--posts DIR`).
 * Paths are compared as real paths, so symlinks and `..` cannot get around it.
 */
export function checkOutDir(
  outDir: string,
  siteRoot: string,
  home: string = homedir(),
  inputDirs: readonly string[] = [],
): string | undefined {
  const out = resolveRealPath(outDir);
  const root = resolveRealPath(siteRoot);
  const inputs = [...inputFolders.map((name) => join(root, name)), ...inputDirs].map((dir) => resolveRealPath(dir));
  const roleRefusal = refuseByRole(out, root, resolveRealPath(home), inputs);
  if (roleRefusal) return `the output folder ${out} ${roleRefusal}`;
  if (existsSync(out) && !statSync(out).isDirectory()) return `the output folder ${out} exists and is not a folder`;
  const held = siteContentIn(out);
  if (held) return `the output folder ${out} holds ${held}, so it looks like a site's sources, not a build`;
  for (const sibling of [`${out}.staging`, `${out}.previous`]) {
    const siblingRole = refuseByRole(sibling, root, resolveRealPath(home), inputs);
    const siblingHeld = siblingRole ?? siteContentIn(sibling);
    if (siblingHeld) return `the output folder's scratch folder ${sibling} ${siblingRole ?? `holds ${siblingHeld}`}`;
  }
  return undefined;
}

/** What makes `path` off limits by where it is, as a phrase ("is the home folder"). */
function refuseByRole(path: string, root: string, home: string, inputs: readonly string[]): string | undefined {
  if (path === parse(path).root) return "is the file system root";
  if (path === home) return "is the home folder";
  if (isAncestor(path, home)) return `contains the home folder ${home}`;
  if (path === root) return "is the site folder itself";
  if (isAncestor(path, root)) return `contains the site folder ${root}`;
  for (const input of inputs) {
    if (path === input) return `is the input folder ${input}`;
    if (isAncestor(path, input)) return `contains the input folder ${input}`;
    if (isAncestor(input, path)) return `is inside the input folder ${input} (it would be read back as input)`;
  }
  return undefined;
}

const isAncestor = (ancestor: string, path: string): boolean =>
  path.startsWith(ancestor.endsWith("/") ? ancestor : `${ancestor}/`);

/**
 * What in `dir` marks it as a site's sources: `site.config.json`, `.git` and `public/` always
 * do; posts/ and templates/ only when they hold sources (a built site has posts/ too).
 */
const siteContentIn = (dir: string): string | undefined => siteSourcesIn(dir, ["site.config.json", ".git", "public"]);
