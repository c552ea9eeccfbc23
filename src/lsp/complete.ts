import { CompletionItemKind, type CompletionItem, type Range } from "vscode-languageserver/node";
import { frontMatterKeys } from "../content/front-matter-keys.js";
import { knownKeys } from "../content/post-fields.js";
import type { HeaderFormat, Post, Resource } from "../model.js";
import { headerLines } from "./header-lines.js";
import { lineOf } from "./lsp-diagnostic.js";

/** What the text before the cursor asks to be completed, and the range the answer replaces. */
export type CompletionNeed =
  | { readonly kind: "slug"; readonly range: Range }
  | { readonly kind: "fragment"; readonly slug: string; readonly range: Range }
  | { readonly kind: "header-key"; readonly format: HeaderFormat; readonly written: ReadonlySet<string>; readonly range: Range }
  | { readonly kind: "author"; readonly range: Range };

const SLUG_SO_FAR = /(?<![\w./-])(?:\.\/|\/)?posts\/([a-z0-9-]*)$/;
const FRAGMENT_SO_FAR = /(?<![\w./-])(?:\.\/|\/)?posts\/([a-z0-9-]+)(?:\.(?:md|markdown|txt|html))?\/?#([^\s)#]*)$/;
// Not a link's `](`: a citation's parenthesis follows text.
const CITATION_SO_FAR = /(?<!\])\(([\p{L}][\p{L} .'&-]*)?$/u;

/** What to complete at (line, character), 0-based, in `text`; undefined when nothing is. */
export function completionNeedAt(text: string, line: number, character: number): CompletionNeed | undefined {
  const before = lineOf(text, line).slice(0, character);
  const range = (length: number): Range => ({ start: { line, character: character - length }, end: { line, character } });
  const header = headerLines(text);
  if (header !== undefined && line >= header.first && line < header.end) {
    const key = (header.format === "bang" ? /^\uFEFF?[ \t]*!![ \t]*([A-Za-z0-9_-]*)$/ : /^([A-Za-z0-9_-]*)$/).exec(before);
    if (key === null) return undefined;
    const written = new Set([...header.keys].filter(([, at]) => at !== line).map(([name]) => name));
    return { kind: "header-key", format: header.format, written, range: range(key[1]?.length ?? 0) };
  }
  const fragment = FRAGMENT_SO_FAR.exec(before);
  if (fragment) return { kind: "fragment", slug: fragment[1] ?? "", range: range(fragment[2]?.length ?? 0) };
  const slug = SLUG_SO_FAR.exec(before);
  if (slug) return { kind: "slug", range: range(slug[1]?.length ?? 0) };
  const citation = CITATION_SO_FAR.exec(before);
  if (citation) return { kind: "author", range: range(citation[1]?.length ?? 0) };
  return undefined;
}

/** The slugs of the site's posts, each with its title, date and description. */
export function slugItems(posts: Iterable<Post>, range: Range): CompletionItem[] {
  return [...posts].sort((a, b) => compareText(a.meta.slug, b.meta.slug)).map((post) => ({
    label: post.meta.slug,
    kind: CompletionItemKind.File,
    detail: post.meta.title,
    documentation: describePost(post),
    textEdit: { range, newText: post.meta.slug },
  }));
}

/** The ids a `#fragment` into a post may name: its headings (with their text), then its Resources. */
export function fragmentItems(headings: readonly { id: string; text: string }[], resources: readonly Resource[], range: Range): CompletionItem[] {
  const items = headings.map((heading, i) => ({ id: heading.id, detail: heading.text, order: i }));
  if (resources.length > 0) items.push({ id: "resources", detail: "Resources", order: items.length });
  for (const resource of resources) items.push({ id: `resource-${resource.n}`, detail: resource.title, order: items.length });
  return items.map(({ id, detail, order }) => ({
    label: id,
    kind: CompletionItemKind.Reference,
    detail,
    sortText: String(order).padStart(5, "0"),
    textEdit: { range, newText: id },
  }));
}

/** The header keys daylight reads that the header does not have yet, written in its format. */
export function headerKeyItems(format: HeaderFormat, written: ReadonlySet<string>, range: Range): CompletionItem[] {
  const keys = format === "bang" ? [...knownKeys] : [...new Set([...knownKeys, ...frontMatterKeys])];
  return keys.filter((key) => !written.has(key)).map((key, i) => ({
    label: key,
    kind: CompletionItemKind.Property,
    sortText: String(i).padStart(3, "0"),
    textEdit: { range, newText: format === "toml" ? `${key} = ` : `${key}: ` },
  }));
}

/** The authors of the post's Resources, for a citation `(Author, 2016)`. */
export function authorItems(resources: readonly Resource[], range: Range): CompletionItem[] {
  const seen = new Set<string>();
  return resources.flatMap((resource) => {
    const author = resource.author;
    if (author === undefined || seen.has(author)) return [];
    seen.add(author);
    return [{
      label: author,
      kind: CompletionItemKind.Reference,
      detail: resource.title,
      documentation: `cites resource ${resource.n}: write the year after it, \`(${author}, 2016)\``,
      textEdit: { range, newText: `${author}, ` },
    }];
  });
}

/** A post's date and description, as hover and completion show them. */
export function describePost(post: Post): string {
  const date = post.meta.published?.toISOString().slice(0, 10);
  const state = post.meta.draft ? "draft" : undefined;
  return [[date, state].filter(Boolean).join(" · "), post.meta.description].filter((part) => part).join("\n\n");
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
