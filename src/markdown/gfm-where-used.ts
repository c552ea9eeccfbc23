import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Construct, Extension } from "micromark-util-types";
import type { Processor } from "unified";

/**
 * What each GFM extension needs in a source to change its tree: without it, the extension's
 * constructs can only fail, and parsing without them gives the very same tree. The autolink
 * literal's three kinds are told apart: its email kind is tried at every letter and digit
 * (half the time of parsing a post with it), and only an `@` can end one.
 */
const needs = {
  emailAutolink: (source: string) => source.includes("@"),
  wwwAutolink: (source: string) => /www\./i.test(source),
  protocolAutolink: (source: string) => /https?:\/\//i.test(source),
  footnote: (source: string) => source.includes("[^"),
  strikethrough: (source: string) => source.includes("~"),
  // A delimiter row needs a pipe, or a colon beside a dash: `a` over `:-:` is a table of one column.
  table: (source: string) => /\||:-|-:/.test(source),
  // `[ ]`, `[x]` or `[X]`; the space may be any whitespace, a line ending too.
  taskListItem: (source: string) => /\[[\sxX]\]/.test(source),
} as const;

type Feature = keyof typeof needs;
const features = Object.keys(needs) as Feature[];
const autolinkKinds = new Set<Feature>(["emailAutolink", "wwwAutolink", "protocolAutolink"]);

/**
 * The GFM micromark extensions that can change the tree of `source`: remark-gfm's, less those
 * whose syntax does not appear in it. Parsing with them gives the tree that all of GFM gives
 * (tests/markdown/gfm-where-used.test.ts compares the two on generated and real sources).
 */
export function gfmExtensionsFor(source: string): Extension[] {
  const used = features.filter((feature) => needs[feature](source));
  const key = used.join(" ");
  let extensions = byUse.get(key);
  if (extensions === undefined) byUse.set(key, (extensions = extensionsOf(new Set(used))));
  return extensions;
}

const byUse = new Map<string, Extension[]>();

function extensionsOf(used: ReadonlySet<Feature>): Extension[] {
  const autolinks = autolinkLiteralOf(used);
  return [
    ...(autolinks ? [autolinks] : []),
    ...(used.has("footnote") ? [gfmFootnote()] : []),
    ...(used.has("strikethrough") ? [gfmStrikethrough()] : []),
    ...(used.has("table") ? [gfmTable()] : []),
    ...(used.has("taskListItem") ? [gfmTaskListItem()] : []),
  ];
}

/** The autolink literal extension with only the kinds in `used`: its own constructs, filtered by name. */
function autolinkLiteralOf(used: ReadonlySet<Feature>): Extension | undefined {
  const text: Record<number, Construct[]> = {};
  for (const [code, constructs] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = [constructs].flat().filter((construct): construct is Construct =>
      construct !== null && construct !== undefined && (!autolinkKinds.has(construct.name as Feature) || used.has(construct.name as Feature)));
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return Object.keys(text).length > 0 ? { text } : undefined;
}

/**
 * A unified plugin, used right after remark-gfm, that parses each source with only the GFM
 * extensions its syntax needs (gfmExtensionsFor) in place of remark-gfm's whole set. The
 * processor's data is left as remark-gfm made it, so later plugins see GFM as usual; the
 * parser is remark-parse's, with that one extension swapped. Measured on 300 bench posts:
 * 9.0–11.8 ms a post parsed with all of GFM, 6.7–9.0 ms with this.
 */
export function remarkGfmWhereUsed(this: Processor): void {
  const data = this.data();
  const gfm = data.micromarkExtensions?.at(-1);
  if (gfm === undefined) return;
  this.parser = (document: string) =>
    fromMarkdown(document, {
      ...data.settings,
      extensions: (data.micromarkExtensions ?? []).flatMap((extension) => (extension === gfm ? gfmExtensionsFor(document) : [extension])),
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    }) as Root;
}
