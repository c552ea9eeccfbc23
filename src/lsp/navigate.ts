import type { Heading as MdastHeading } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { Hover, Location, Range } from "vscode-languageserver/node";
import { headerKeyPosition } from "../content/header-key-position.js";
import type { Post, RenderedPost } from "../model.js";
import { describePost } from "./complete.js";
import { rangeAt } from "./lsp-diagnostic.js";
import type { Workspace } from "./workspace.js";

/** Where a link to `post` (with `#fragment`) lands: the heading with that id, else the top of the file. */
export function landingOf(post: Post, rendered: RenderedPost, fragment: string | undefined): Range {
  const line = fragment === undefined ? 0 : headingLine(post, rendered, decode(fragment)) ?? 0;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/**
 * The 0-based line of the heading whose id is `id`: the rendering gives each heading's id
 * and text in order; the k-th heading with that text in the parsed markdown is its place.
 */
function headingLine(post: Post, rendered: RenderedPost, id: string): number | undefined {
  // The Resources list and its entries (`#resources`, `#resource-2`) are under its heading, the last with its text.
  if (rendered.resourcesHeading !== undefined && (id === "resources" || /^resource-\d+$/.test(id))) {
    return headingLines(post, rendered.resourcesHeading).at(-1);
  }
  const at = rendered.headings.findIndex((heading) => heading.id === id);
  const wanted = rendered.headings[at];
  if (wanted === undefined) return undefined;
  const nth = rendered.headings.slice(0, at).filter((heading) => heading.text === wanted.text).length;
  return headingLines(post, wanted.text)[nth];
}

/** The 0-based lines of the post's markdown headings whose text is `text`, in order. */
function headingLines(post: Post, text: string): number[] {
  const lines: number[] = [];
  visit(fromMarkdown(post.body), "heading", (node: MdastHeading) => {
    if (toString(node).trim() === text.trim() && node.position) lines.push(node.position.start.line - 1);
  });
  return lines;
}

/** The hover of a link to `post`: its title, date and description, and its URL. */
export function hoverOf(post: Post, rendered: RenderedPost, range: Range): Hover {
  const described = describePost({ ...post, meta: { ...post.meta, description: post.meta.description ?? rendered.description } });
  return { range, contents: { kind: "markdown", value: [`**${post.meta.title}**`, described, `\`${post.url}\``].filter(Boolean).join("\n\n") } };
}

/**
 * Every link to the post with `slug`, across the site's posts and pages: their renderings'
 * post links, as the build collects backlinks from. Only texts that name the slug after a
 * `/` are rendered (every form of post link does), each once per text.
 */
export async function linksTo(workspace: Workspace, slug: string, uriOf: (file: string) => string): Promise<Location[]> {
  const named = new RegExp(`/${slug}(?![a-z0-9-])`);
  const locations: Location[] = [];
  const parsed = [...workspace.state().parsed.values()].sort((a, b) => compareText(a.source.path, b.source.path));
  for (const { source, post } of parsed) {
    if (post === undefined || !named.test(source.text)) continue;
    const rendered = await workspace.rendered(post);
    for (const link of rendered.postLinks) {
      if (link.slug !== slug) continue;
      locations.push({ uri: uriOf(workspace.fileOf(source.path)), range: rangeAt(source.text, link.line, link.column) });
    }
  }
  return locations;
}

/** Where a post's slug is declared: its `slug` field, or the top of the file when its name gives it. */
export function declarationOf(post: Post): Range {
  const at = headerKeyPosition(post, "slug");
  return rangeAt(post.source.text, at.line, at.column);
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
