import { error, warning, type Diagnostic, type Position } from "../diagnostics.js";
import type { HeaderFormat, PostKind, PostMeta } from "../model.js";
import { acceptedDateForms, parseHeaderDate } from "./dates.js";
import { invalidField, readBoolean, readList, readText, type FieldSink } from "./field-readers.js";
import { nearMissKey } from "./near-miss.js";
import { generatedFileAt, normalizeAlias } from "./normalize-alias.js";
import type { RawField, RawFields } from "./raw-fields.js";
import { isValidSlug, slugFromPath, slugify } from "./slug.js";

/** The header keys daylight reads itself; every other key goes to `extra`. */
export const knownKeys = [
  "title", "slug", "published", "updated", "description", "tags", "draft", "author", "image", "aliases",
] as const;

/** What field validation needs besides the fields. */
export interface FieldContext {
  /** The post's path from the site root: for diagnostics and the slug it falls back to. */
  readonly file: string;
  readonly format: HeaderFormat;
  readonly timezone: string;
  /** The site's absolute URL, to make absolute aliases site-relative. */
  readonly siteUrl: string | undefined;
  /** A page (pages/) needs no `published` date; a post does unless it is a draft. Default "post". */
  readonly kind?: PostKind;
}

const top: Position = { line: 1, column: 1 };
const at = (field: RawField): Position => ({ line: field.line, column: field.column });

/** How a header line is written in the post's own format, for hints. */
const example = (format: HeaderFormat, key: string, value: string): string =>
  format === "bang" ? `\`!! ${key}: ${value}\`` : `\`${key}: ${value}\``;

/**
 * Validates a header's raw fields (from either format) into PostMeta. The meta is only
 * meaningful when no error was reported.
 */
export function toPostMeta(fields: RawFields, ctx: FieldContext): { meta: PostMeta; diagnostics: Diagnostic[] } {
  const sink: FieldSink = { file: ctx.file, diagnostics: [] };
  const draft = readBoolean(sink, "draft", fields.get("draft")) ?? false;
  const meta: PostMeta = {
    title: readTitle(sink, fields, ctx),
    slug: readSlug(sink, fields.get("slug"), ctx),
    published: readPublished(sink, fields, ctx, draft),
    updated: readDate(sink, "updated", fields.get("updated"), ctx),
    description: readText(sink, "description", fields.get("description")),
    tags: uniqueTags(readList(sink, "tags", fields.get("tags"))),
    draft,
    author: readText(sink, "author", fields.get("author")),
    image: readText(sink, "image", fields.get("image")),
    aliases: readAliases(sink, fields.get("aliases"), ctx),
    extra: readExtra(sink, fields),
  };
  return { meta, diagnostics: sink.diagnostics };
}

function readTitle(sink: FieldSink, fields: RawFields, ctx: FieldContext): string {
  const field = fields.get("title");
  const reported = sink.diagnostics.length;
  const title = readText(sink, "title", field);
  if (title === undefined && sink.diagnostics.length === reported) {
    sink.diagnostics.push(error("missing-title", "the post has no title", ctx.file, field ? at(field) : top,
      `add a title to the header: ${example(ctx.format, "title", "My post")}`));
  }
  return title ?? "";
}

function readSlug(sink: FieldSink, field: RawField | undefined, ctx: FieldContext): string {
  const given = readText(sink, "slug", field);
  const fromPath = slugFromPath(ctx.file);
  if (given === undefined) {
    if (fromPath === "") {
      sink.diagnostics.push(error("missing-slug", "no slug can be made from this file name", ctx.file, top,
        `add one to the header, in lowercase a-z, 0-9 and -: ${example(ctx.format, "slug", "my-post")}`));
    }
    return fromPath;
  }
  if (isValidSlug(given)) return given;
  const suggestion = slugify(given) || fromPath;
  sink.diagnostics.push(error("invalid-slug", `the slug \`${given}\` is not lowercase a-z, 0-9 and single -`,
    ctx.file, field ? at(field) : top,
    suggestion ? `use ${example(ctx.format, "slug", suggestion)}` : "use lowercase letters a-z, digits and single -"));
  return suggestion;
}

function readDate(sink: FieldSink, name: string, field: RawField | undefined, ctx: FieldContext): Date | undefined {
  const text = readText(sink, name, field);
  if (text === undefined || field === undefined) return undefined;
  const date = parseHeaderDate(text, ctx.timezone);
  if (!date) {
    sink.diagnostics.push(error("invalid-date", `\`${name}\` is not a valid date: \`${text}\``, ctx.file, at(field),
      `write ${acceptedDateForms}, e.g. ${example(ctx.format, name, "2025-03-14")}`));
  }
  return date;
}

function readPublished(sink: FieldSink, fields: RawFields, ctx: FieldContext, draft: boolean): Date | undefined {
  const field = fields.get("published");
  const reported = sink.diagnostics.length;
  const date = readDate(sink, "published", field, ctx);
  if (date || draft || ctx.kind === "page" || sink.diagnostics.length > reported) return date;
  const todo = fields.has("date") ? "rename `date` to `published`" : `add ${example(ctx.format, "published", "2025-03-14")}`;
  sink.diagnostics.push(error("missing-published", "the post has no publication date", ctx.file,
    field ? at(field) : top, `${todo}, or mark the post ${example(ctx.format, "draft", "true")}`));
  return undefined;
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  // `DevOps` and `devops` would share a tag page: keep the first spelling.
  return tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

function readAliases(sink: FieldSink, field: RawField | undefined, ctx: FieldContext): string[] {
  const aliases: string[] = [];
  for (const alias of readList(sink, "aliases", field)) {
    const path = normalizeAlias(alias, ctx.siteUrl);
    if (path === undefined && field) {
      invalidField(sink, "aliases", field, `holds \`${alias}\`, which cannot be a page of this site`,
        "give old URLs as paths from the site root, e.g. `/2019/03/old-name/`, without `..` or spaces");
    } else if (path !== undefined && generatedFileAt(path) !== undefined && field) {
      invalidField(sink, "aliases", field, `holds \`${alias}\`, where daylight writes its own ${generatedFileAt(path)}`,
        "remove it: an old URL cannot take the place of a feed, the sitemap, the manifest or the host's rule files");
    } else if (path !== undefined && !aliases.includes(path)) {
      aliases.push(path);
    }
  }
  return aliases;
}

function readExtra(sink: FieldSink, fields: RawFields): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const known: readonly string[] = knownKeys;
  for (const [name, field] of fields) {
    if (known.includes(name)) continue;
    // defineProperty: a key such as `__proto__` must stay a plain field.
    Object.defineProperty(extra, name, { value: field.value, enumerable: true, writable: true, configurable: true });
    const near = nearMissKey(name, known);
    if (near) {
      sink.diagnostics.push(warning("unknown-key", `unknown header key \`${field.key}\``, sink.file, at(field),
        `did you mean \`${near}\`? As written, it is only handed to the templates`));
    }
  }
  return extra;
}
