import type { TextEdit } from "vscode-languageserver/node";
import { headerKeyPosition } from "../content/header-key-position.js";
import { isValidSlug } from "../content/slug.js";
import type { HeaderFormat, Post } from "../model.js";
import { slugify } from "../text/slugify.js";
import { headerLines, type HeaderLines } from "./header-lines.js";
import { lineOf } from "./lsp-diagnostic.js";
import type { Workspace } from "./workspace.js";

/** A rename the server refuses, with the reason the editor shows. */
export class RenameRefused extends Error {}

/**
 * The edits that rename the slug `from` to `to`: every link to it in the site's posts and
 * pages (the links their renderings record), the post's `slug` field (added when its file
 * name gave the slug), and its old URL added to `aliases` (unless it is a draft, which has
 * no URL to keep) so the URL ledger still finds every URL a deploy published. Source path → edits.
 */
export async function renameSlug(workspace: Workspace, from: string, to: string): Promise<Map<string, TextEdit[]>> {
  const state = workspace.state();
  const post = state.owners.get(from);
  if (post === undefined) throw new RenameRefused(`no post has the slug \`${from}\``);
  if (!isValidSlug(to)) throw new RenameRefused(`\`${to}\` is not a slug: use lowercase a-z, 0-9 and single -${slugify(to) ? `, e.g. \`${slugify(to)}\`` : ""}`);
  const taken = state.owners.get(to);
  if (taken !== undefined && taken !== post) throw new RenameRefused(`the slug \`${to}\` is already used by ${taken.source.path}`);
  const edits = new Map<string, TextEdit[]>();
  const add = (key: string, edit: TextEdit) => edits.set(key, [...(edits.get(key) ?? []), edit]);
  for (const { source, post: linking } of state.parsed.values()) {
    if (linking === undefined || !new RegExp(`/${from}(?![a-z0-9-])`).test(source.text)) continue;
    const rendered = await workspace.rendered(linking);
    for (const link of rendered.postLinks) {
      const edit = link.slug === from ? slugEdit(source.text, link.line - 1, link.column - 1, from, to) : undefined;
      if (edit && !edits.get(source.path)?.some((e) => sameStart(e, edit))) add(source.path, edit);
    }
  }
  for (const edit of headerEdits(post, to, state.config.basePath)) add(post.source.path, edit);
  return edits;
}

/** The edit of the slug in the URL of the link written at (line, column), 0-based; undefined when the URL is not on that line. */
function slugEdit(text: string, line: number, column: number, from: string, to: string): TextEdit | undefined {
  const rest = lineOf(text, line).slice(column);
  // The URL starts after the link's text (`](`, `]:`) or at an HTML attribute; the slug follows a `/` in it.
  const marks = ["](", "]:", "href=", "src="].map((mark) => rest.indexOf(mark)).filter((i) => i >= 0);
  const urlAt = marks.length > 0 ? Math.min(...marks) : 0;
  const found = new RegExp(`(?<=/)${from}(?![a-z0-9-])`).exec(rest.slice(urlAt));
  if (found === null) return undefined;
  const character = column + urlAt + found.index;
  return { range: { start: { line, character }, end: { line, character: character + from.length } }, newText: to };
}

const sameStart = (a: TextEdit, b: TextEdit) => a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

/** The renamed post's own header: its slug, and its old URL among its aliases. */
function headerEdits(post: Post, to: string, basePath: string): TextEdit[] {
  const header = headerLines(post.source.text);
  if (header === undefined) return [];
  const alias = `/${post.url.slice(basePath.length)}`;
  const keepAlias = !post.meta.draft && !post.meta.aliases.includes(alias);
  const slugLine = header.keys.get("slug");
  const aliasLine = header.keys.get("aliases");
  const edits: TextEdit[] = [];
  const added: string[] = [];
  if (slugLine === undefined) added.push(field(header.format, "slug", to));
  else edits.push(replaceValue(post, header, slugLine, to));
  if (keepAlias && aliasLine === undefined) added.push(field(header.format, "aliases", alias));
  else if (keepAlias && aliasLine !== undefined) edits.push(appendAlias(post.source.text, header, aliasLine, alias));
  if (added.length > 0) {
    // After the title (or as the first field): one insertion, so that the lines keep their order.
    const line = (header.keys.get("title") ?? header.first - 1) + 1;
    edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: added.map((l) => `${l}\n`).join("") });
  }
  return edits;
}

/** One header line in the post's format. */
function field(format: HeaderFormat, key: string, value: string): string {
  if (format === "toml") return key === "aliases" ? `${key} = [${JSON.stringify(value)}]` : `${key} = ${JSON.stringify(value)}`;
  return format === "bang" ? `!! ${key}: ${value}` : `${key}: ${value}`;
}

/** The `slug` field's value replaced (TOML keeps its quotes). */
function replaceValue(post: Post, header: HeaderLines, line: number, to: string): TextEdit {
  const text = lineOf(post.source.text, line);
  const start = headerKeyPosition(post, "slug").column - 1;
  const end = text.trimEnd().length;
  return { range: { start: { line, character: start }, end: { line, character: end } }, newText: header.format === "toml" ? JSON.stringify(to) : to };
}

/** `alias` added to an `aliases` field: to its comma list, its `[…]` list or its YAML `- item` lines. */
function appendAlias(text: string, header: HeaderLines, line: number, alias: string): TextEdit {
  const at = (l: number, character: number, newText: string): TextEdit => ({ range: { start: { line: l, character }, end: { line: l, character } }, newText });
  const written = lineOf(text, line).trimEnd();
  const value = written.slice(written.search(header.format === "toml" ? /=/ : /:/) + 1).trim();
  const quoted = header.format === "toml" ? JSON.stringify(alias) : alias;
  if (value.startsWith("[")) {
    const close = written.lastIndexOf("]");
    return at(line, close, /\[\s*$/.test(written.slice(0, close)) ? quoted : `, ${quoted}`);
  }
  // A comma list in one string: inside its quotes in TOML.
  if (header.format === "toml" && value.startsWith('"')) return at(line, written.lastIndexOf('"'), `, ${alias}`);
  if (value !== "") return at(line, written.length, `, ${alias}`);
  let last = line;
  while (last + 1 < header.end && /^\s+-\s/.test(lineOf(text, last + 1))) last++;
  if (last === line) return at(line, written.length, ` ${alias}`);
  const indent = /^\s*/.exec(lineOf(text, last))?.[0] ?? "  ";
  return at(last + 1, 0, `${indent}- ${alias}\n`);
}
