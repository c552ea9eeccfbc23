import { error, hasErrors, type Diagnostic } from "../diagnostics.js";
import type { HeaderFormat, Post, PostKind, PostMeta, SourceFile } from "../model.js";
import type { SiteConfig } from "../config/site-config.js";
import { parseBangHeader } from "./parse-bang-header.js";
import { parseTomlHeader } from "./parse-toml-header.js";
import { parseYamlHeader } from "./parse-yaml-header.js";
import { toPostMeta } from "./post-fields.js";
import { postUrl } from "./post-url.js";
import { blankRange, bomLength, type ParsedHeader } from "./raw-fields.js";
import { ownStrings } from "../text/own-strings.js";

const minimalHeader = "start the file with a header, e.g.\n      !! title: My post\n      !! published: 2025-03-14";

/**
 * Which header a text starts with, after an optional BOM: `!!` lines (an indented first `!!`
 * line too, which the parser then reports), `---` YAML or `+++` TOML front matter.
 */
export function detectHeaderFormat(text: string): HeaderFormat | undefined {
  const start = bomLength(text);
  const head = text.slice(start, start + 64);
  if (/^[ \t]*!!/.test(head)) return "bang";
  if (/^---[ \t]*(\r?\n|$)/.test(head)) return "yaml";
  return /^\+\+\+[ \t]*(\r?\n|$)/.test(head) ? "toml" : undefined;
}

const headerParsers = { bang: parseBangHeader, yaml: parseYamlHeader, toml: parseTomlHeader } as const;

/**
 * What parsing a post's header yields besides the source it was parsed from: plain data (the
 * header cache keeps it between builds: cache/header-cache.ts). `parsed` is undefined when
 * the header has errors.
 */
export interface PostHeader {
  readonly parsed: { readonly format: HeaderFormat; readonly meta: PostMeta; readonly url: string; readonly bodyStart: number } | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a post's header (`!!` or YAML front matter) into a Post whose body is the file
 * with the header blanked out. `post` is undefined when the header has errors. Never throws.
 */
export function parsePost(
  source: SourceFile,
  config: SiteConfig,
  kind: PostKind = "post",
): { post: Post | undefined; diagnostics: Diagnostic[] } {
  return postOf(source, kind, parsePostHeader(source, config, kind));
}

/** The Post that `header` (parsed from `source`) makes. */
export function postOf(source: SourceFile, kind: PostKind, { parsed, diagnostics }: PostHeader): { post: Post | undefined; diagnostics: Diagnostic[] } {
  if (parsed === undefined) return { post: undefined, diagnostics };
  const { format, meta, url, bodyStart } = parsed;
  // Made when asked (to render, by a worker, once): kept, it was a second copy of every post in memory.
  // CRLF becomes LF (a `\r` would reach the HTML in text and code): every line and column stays the same.
  const post: Post = { kind, source, format, meta, url, get body() { return blankRange(source.text, 0, bodyStart).replace(/\r\n/g, "\n"); } };
  return { post, diagnostics };
}

/** Parses and checks the header of `source`: parsePost without the Post. */
export function parsePostHeader(source: SourceFile, config: SiteConfig, kind: PostKind): PostHeader {
  const file = source.path;
  const text = source.text;
  if (text.slice(bomLength(text)).trim() === "") {
    return fail(error("empty-file", "the file is empty", file, { line: 1, column: 1 }, minimalHeader));
  }
  const format = detectHeaderFormat(text);
  if (!format) return fail(missingHeader(text, file));
  const header: ParsedHeader = headerParsers[format](text, file);
  const broken = hasErrors(header.diagnostics);
  // A YAML or TOML error leaves no fields to check; a broken `!!` line may hold the "missing" key.
  if (broken && format !== "bang") return { parsed: undefined, diagnostics: header.diagnostics };
  const ctx = { file, format, timezone: config.timezone, siteUrl: config.url, kind };
  const { meta: fields, oldUrls, diagnostics } = toPostMeta(header.fields, ctx);
  const fieldDiagnostics = broken ? diagnostics.filter((d) => !d.rule.startsWith("missing-")) : diagnostics;
  const all = [...header.diagnostics, ...fieldDiagnostics];
  if (hasErrors(all)) return { parsed: undefined, diagnostics: all };
  const made = postUrl(fields, file, kind, config);
  if ("diagnostic" in made) return { parsed: undefined, diagnostics: [...all, made.diagnostic] };
  const { url } = made;
  // An old URL (`permalink`, `url`) that is the post's URL now needs no redirect.
  const moved = oldUrls.filter((old) => config.basePath + old.slice(1) !== url && !fields.aliases.includes(old));
  const meta = ownStrings(moved.length === 0 ? fields : { ...fields, aliases: [...fields.aliases, ...moved] });
  return { parsed: { format, meta, url, bodyStart: header.bodyStart }, diagnostics: all };
}

const fail = (d: Diagnostic): PostHeader => ({ parsed: undefined, diagnostics: [d] });

function missingHeader(text: string, file: string): Diagnostic {
  const start = bomLength(text);
  // gray-matter would run `---js` / `---javascript` front matter as code: daylight reads YAML only.
  const language = /^---[ \t]*([^\s-][^\r\n]*?)[ \t]*(\r?\n|$)/.exec(text.slice(start, start + 64))?.[1];
  if (language !== undefined) {
    return error("unsupported-front-matter", `front matter in \`${language}\` is not supported: daylight reads YAML and TOML only, and never runs a post's code`,
      file, { line: 1, column: 4 + text.slice(start + 3).search(/\S/) }, "write the header as YAML between two `---` lines, or as `!! key: value` lines");
  }
  return error("missing-header", "the file has no header", file, { line: 1, column: 1 }, minimalHeader);
}
