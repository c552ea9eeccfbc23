import path from "node:path";
import { warning, type Diagnostic } from "../diagnostics.js";

/** Files under posts/ that daylight reads as posts, whatever they hold. */
export const postExtensions: ReadonlySet<string> = new Set([".md", ".markdown"]);

/** A `.txt` is a post only when it starts with a header; otherwise it is a file like any other. */
export const textExtension = ".txt";

const renameToMd = "rename it to `.md`: it is Markdown under another name";
const rewrite = (language: string) => `daylight builds Markdown only: convert it (e.g. \`pandoc -f ${language} -t gfm\`) and save it as \`.md\``;

/** Markup of other generators, by extension: what it is, and what to do. */
const markup: ReadonlyMap<string, { readonly what: string; readonly hint: string }> = new Map([
  [".mdx", { what: "MDX (Markdown with JSX components and imports)", hint: "daylight never runs a post's code: remove the `import`/`export` lines and components (or write them as HTML) and rename it to `.md`" }],
  [".mdoc", { what: "Markdoc", hint: "rename it to `.md` and replace its `{% tags %}` with Markdown or HTML" }],
  [".markdoc", { what: "Markdoc", hint: "rename it to `.md` and replace its `{% tags %}` with Markdown or HTML" }],
  [".mdown", { what: "Markdown with an unusual extension", hint: renameToMd }],
  [".mkd", { what: "Markdown with an unusual extension", hint: renameToMd }],
  [".mkdn", { what: "Markdown with an unusual extension", hint: renameToMd }],
  [".mkdown", { what: "Markdown with an unusual extension", hint: renameToMd }],
  [".adoc", { what: "AsciiDoc", hint: rewrite("asciidoc") }],
  [".asciidoc", { what: "AsciiDoc", hint: rewrite("asciidoc") }],
  [".rst", { what: "reStructuredText", hint: rewrite("rst") }],
  [".org", { what: "Org mode", hint: rewrite("org") }],
  [".textile", { what: "Textile", hint: rewrite("textile") }],
  [".njk", { what: "a Nunjucks template", hint: "daylight builds Markdown posts; templates go in templates/ (LiquidJS): rewrite the content as `.md`" }],
  [".liquid", { what: "a Liquid template", hint: "daylight builds Markdown posts; templates go in templates/: rewrite the content as `.md`" }],
]);

/** HTML pages with front matter are content of Jekyll, Hugo or Eleventy; other HTML files are files beside a post (an embed, a demo). */
const htmlExtensions: ReadonlySet<string> = new Set([".html", ".htm"]);

const startsWithFrontMatter = (text: string): boolean => /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/.test(text);

/** Whether a file with this name may get an `unbuilt-markup` warning (then the dev server reads the whole folder again). */
export const mayBeUnbuiltMarkup = (file: string): boolean => {
  const ext = path.extname(file).toLowerCase();
  return markup.has(ext) || htmlExtensions.has(ext);
};

/**
 * The `unbuilt-markup` warning for a file under posts/ that another generator would build
 * and daylight does not, or undefined. `head` is the file's first bytes as text (for HTML,
 * which counts only when it starts with front matter). The file stays a file beside the
 * posts: published when a post links to it, like any other.
 */
export function unbuiltMarkup(file: string, shown: string, head: () => string): Diagnostic | undefined {
  const ext = path.extname(file).toLowerCase();
  const known = markup.get(ext);
  if (known) return unbuilt(shown, `${known.what}`, ext, known.hint);
  if (htmlExtensions.has(ext) && startsWithFrontMatter(head())) {
    return unbuilt(shown, "an HTML page with front matter", ext,
      "rename it to `.md`: Markdown keeps HTML as written, and the front matter is read as a post's header");
  }
  return undefined;
}

function unbuilt(shown: string, what: string, ext: string, hint: string): Diagnostic {
  return warning("unbuilt-markup", `this is ${what}: daylight does not build \`${ext}\` files into posts, so it is not published as one`,
    shown, { line: 1, column: 1 }, hint);
}
