import { hasExtension, rootedPath } from "../files/rooted-path.js";

/**
 * The theme's templates that a page rendered from one template can read: that template and,
 * transitively, every layout, include and render it names. A page's key holds only these
 * texts, so an edit to `post.liquid` leaves the tag, archive and index pages as they were,
 * and an edit to `index.liquid` leaves the post pages. Undefined when some template in reach
 * names a file by a variable (`{% include name %}`) or holds a `{% liquid %}` block, whose
 * tags this scan does not read: such a page depends on every template.
 */
export function templatesReadBy(templates: ReadonlyMap<string, { readonly text: string }>, name: string): string[] | undefined {
  const found = new Set<string>();
  const waiting = [fileNameOf(name)];
  for (let file = waiting.pop(); file !== undefined; file = waiting.pop()) {
    const template = templates.get(file);
    // A name that is no template is LiquidJS's error on every render, and an error is never cached.
    if (found.has(file) || template === undefined) continue;
    found.add(file);
    const named = namedFiles(template.text);
    if (named === undefined) return undefined;
    waiting.push(...named);
  }
  return [...found].sort();
}

// LiquidJS's tags that read another file, with what follows the tag's name.
const fileTag = /\{%-?\s*(include|render|layout)\b([\s\S]*?)-?%\}/g;
const liquidBlock = /\{%-?\s*liquid\b/;
const quoted = /^(["'])(.*?)\1/;

/** The template files `text` names, as the theme's keys; undefined when one is named by a variable. */
function namedFiles(text: string): string[] | undefined {
  if (liquidBlock.test(text)) return undefined;
  const files: string[] = [];
  for (const [, tag, rest = ""] of text.matchAll(fileTag)) {
    const argument = rest.trim();
    const literal = quoted.exec(argument);
    if (literal) files.push(fileNameOf(literal[2] ?? ""));
    else if (!(tag === "layout" && /^none\b/.test(argument))) return undefined;
  }
  return files;
}

/**
 * The theme's key of a name as a template writes it, resolved as the template renderer's
 * LiquidJS is (site/theme-fs.ts, root `/`, no relative references): `partials/head` →
 * `partials/head.liquid`, `/a/../b.liquid` → `b.liquid`.
 */
function fileNameOf(name: string): string {
  return rootedPath(hasExtension(name) ? name : `${name}.liquid`);
}
