import { error, warning, type Diagnostic, type Position } from "../diagnostics.js";
import type { HeaderFormat, PostKind, PostMeta } from "../model.js";
import { acceptedDateForms, parseHeaderDate } from "./dates.js";
import { datedName } from "./dated-name.js";
import { invalidField, readBoolean, readList, readText, type FieldSink } from "./field-readers.js";
import { frontMatterKeys, resolveKeys, type ResolvedKeys } from "./front-matter-keys.js";
import { nearMissKey } from "../text/closest-match.js";
import { generatedFileAt, normalizeAlias } from "../urls/normalize-alias.js";
import { readOldUrls } from "./old-urls.js";
import type { RawField, RawFields } from "./raw-fields.js";
import { slugify } from "../text/slugify.js";
import { isValidSlug, slugFromPath } from "./slug.js";

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
const keyAt = (field: RawField): Position => ({ line: field.line, column: field.keyColumn });

/** How a header line is written in the post's own format, for hints. */
export const example = (format: HeaderFormat, key: string, value: string): string =>
  format === "bang" ? `\`!! ${key}: ${value}\`` : format === "toml" ? `\`${key} = ${tomlValue(value)}\`` : `\`${key}: ${value}\``;

const tomlValue = (value: string): string => (/^(true|false|\d{4}-\d{2}-\d{2}.*)$/.test(value) ? value : JSON.stringify(value));

/** A post's meta, and the old URLs its `permalink`/`url` keys give (parsePost keeps those that are not the post's own URL). */
export interface PostFields {
  readonly meta: PostMeta;
  readonly oldUrls: readonly string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Validates a header's raw fields (from any format) into PostMeta. The meta is only
 * meaningful when no error was reported.
 */
export function toPostMeta(fields: RawFields, ctx: FieldContext): PostFields {
  const sink: FieldSink = { file: ctx.file, diagnostics: [], format: ctx.format };
  const keys = resolveKeys(fields, ctx.format, sink);
  const get = (name: string) => keys.fields.get(name);
  // Jekyll's `published: false` hides a post, and so does Eleventy's `permalink: false`.
  const hidden = keys.publishedFlag !== undefined && readBoolean(sink, "published", keys.publishedFlag) === false;
  const oldUrls = readOldUrls(sink, keys.oldUrlFields, ctx.siteUrl);
  const draft = (readBoolean(sink, "draft", get("draft")) ?? false) || hidden || oldUrls.unwritten;
  const named = datedName(ctx.file);
  const dateField = get("published");
  const meta: PostMeta = {
    title: readTitle(sink, fields, ctx),
    // A front matter post drops the date from its name always (as Jekyll, Eleventy and Zola do); a `!!`
    // post only when the name gives its date: a dated `!!` post had its name as slug before, and keeps it.
    slug: readSlug(sink, get("slug"), ctx, named !== undefined && (ctx.format !== "bang" || dateField === undefined)),
    published: readPublished(sink, keys, ctx, draft),
    updated: readDate(sink, "updated", get("updated"), ctx),
    description: readText(sink, "description", get("description")),
    tags: uniqueTags(keys.tagFields.flatMap((field) => readTagList(sink, field))),
    draft,
    author: readText(sink, "author", get("author")),
    image: readText(sink, "image", get("image")),
    aliases: readAliases(sink, get("aliases"), ctx),
    extra: readExtra(sink, fields, keys.used, ctx.format),
  };
  return { meta, oldUrls: oldUrls.paths, diagnostics: sink.diagnostics };
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

function readSlug(sink: FieldSink, field: RawField | undefined, ctx: FieldContext, dropDate: boolean): string {
  const given = readText(sink, "slug", field);
  const fromPath = slugFromPath(ctx.file, dropDate);
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
    sink.diagnostics.push(error("invalid-date", `\`${field.key}\` is not a valid date: \`${text}\``, ctx.file, at(field),
      `write ${acceptedDateForms}, e.g. ${example(ctx.format, field.key, "2025-03-14")}`));
  }
  return date;
}

/** The date a key gives; else the date the file or folder name starts with (`2016-10-06-release.md`). */
function readPublished(sink: FieldSink, keys: ResolvedKeys, ctx: FieldContext, draft: boolean): Date | undefined {
  const field = keys.fields.get("published");
  const reported = sink.diagnostics.length;
  const named = field === undefined ? datedName(ctx.file) : undefined;
  const date = named ? parseHeaderDate(named.date, ctx.timezone) : readDate(sink, "published", field, ctx);
  if (date || draft || ctx.kind === "page" || sink.diagnostics.length > reported) return date;
  const dateKey = keys.fields.get("date");
  const todo = ctx.format === "bang" && dateKey ? "rename `date` to `published`"
    : `add ${example(ctx.format, ctx.format === "bang" ? "published" : "date", "2025-03-14")}`;
  sink.diagnostics.push(error("missing-published", "the post has no publication date", ctx.file,
    field ? at(field) : keys.publishedFlag ? keyAt(keys.publishedFlag) : top, `${todo}, or mark the post ${example(ctx.format, "draft", "true")}`));
  return undefined;
}

/** Jekyll splits a `categories` text on spaces (`categories: jekyll update` is two); a comma list is read as in `tags`. */
function readTagList(sink: FieldSink, field: RawField): string[] {
  const { value } = field;
  if (field.key.toLowerCase() !== "categories" || typeof value !== "string" || value.includes(",")) return readList(sink, field.key, field);
  return value.split(/\s+/).filter((item) => item !== "");
}

/** One tag per tag page: `DevOps`, `devops` and `dev ops` share a page (their slug); the first spelling stays. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const key = (tag: string) => slugify(tag) || tag.normalize("NFC").toLowerCase();
  return tags.filter((tag) => !seen.has(key(tag)) && seen.add(key(tag)));
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

function readExtra(sink: FieldSink, fields: RawFields, used: ReadonlySet<string>, format: HeaderFormat): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const own: readonly string[] = knownKeys;
  const known: readonly string[] = format === "bang" ? knownKeys : [...knownKeys, ...frontMatterKeys];
  for (const [name, field] of fields) {
    if (own.includes(name) || used.has(name)) continue;
    // defineProperty: a key such as `__proto__` must stay a plain field.
    Object.defineProperty(extra, name, { value: field.value, enumerable: true, writable: true, configurable: true });
    const near = nearMissKey(name, known);
    if (near) {
      sink.diagnostics.push(warning("unknown-key", `unknown header key \`${field.key}\``, sink.file, keyAt(field),
        `did you mean \`${near}\`? As written, it is only handed to the templates`));
    }
  }
  return extra;
}
