import { error } from "../diagnostics.js";
import type { HeaderFormat } from "../model.js";
import type { FieldSink } from "./field-readers.js";
import type { RawField, RawFields } from "./raw-fields.js";

/**
 * The names other generators give the fields daylight reads, read in front matter (YAML,
 * TOML): Jekyll, Hugo and Eleventy write `date`, Astro `pubDate`, `updatedDate` and
 * `heroImage`, Hugo `lastmod`. The `!!` header is daylight's own format: its keys are the
 * field names only, so that no existing `!!` post changes meaning.
 */
export const synonyms = {
  published: ["published", "date", "pubdate"],
  updated: ["updated", "lastmod", "updateddate"],
  image: ["image", "heroimage"],
} as const satisfies Record<string, readonly string[]>;

/** Keys whose items become tags in front matter (Jekyll's `categories`/`category`). */
export const tagKeys = ["tags", "categories", "category"] as const;

/** Keys that hold a post's old published URL in front matter (Jekyll `permalink`, Hugo `url`). */
export const oldUrlKeys = ["permalink", "url"] as const;

/** Every key name front matter reads, for near-miss warnings. */
export const frontMatterKeys: readonly string[] = [
  ...Object.values(synonyms).flat(), ...tagKeys, ...oldUrlKeys, "taxonomies",
];

/** A header's fields sorted by what they give. */
export interface ResolvedKeys {
  /** The field that gives each field daylight reads (`published` may come from `date`). */
  readonly fields: ReadonlyMap<string, RawField>;
  /** `published: true`/`false` (a boolean `published` is a flag, never a date). */
  readonly publishedFlag: RawField | undefined;
  /** Fields whose items are tags, in the order written. */
  readonly tagFields: readonly RawField[];
  /** Fields that hold an old URL of the post. */
  readonly oldUrlFields: readonly RawField[];
  /** Written key names (lowercased) read as one of the above: not handed to templates as extra. */
  readonly used: ReadonlySet<string>;
}

/** True for `published: true`/`false`, as YAML or TOML booleans or as text. */
export function isFlag(field: RawField): boolean {
  const { value } = field;
  return typeof value === "boolean" || (typeof value === "string" && /^(true|false)$/i.test(value.trim()));
}

/**
 * Sorts `fields` by what they give. Two keys for one field (`published: 2024-01-01` and
 * `date: 2024-01-02`) are a `duplicate-key` error at the second key, in the names written.
 */
export function resolveKeys(fields: RawFields, format: HeaderFormat, sink: FieldSink): ResolvedKeys {
  const front = format !== "bang";
  const resolved = new Map<string, RawField>();
  const used = new Set<string>();
  const published = fields.get("published");
  const publishedFlag = published !== undefined && isFlag(published) ? published : undefined;
  if (publishedFlag) used.add("published");
  for (const [name, names] of Object.entries(synonyms)) {
    const given = (front ? names : [name]).filter((key) => fields.has(key) && !(key === "published" && publishedFlag));
    const [first, ...others] = given.map((key) => fields.get(key) as RawField).sort(byPosition);
    for (const other of others) sink.diagnostics.push(twice(name, first as RawField, other, sink.file));
    if (first) resolved.set(name, first);
    given.forEach((key) => used.add(key));
  }
  if (front) [...tagKeys, ...oldUrlKeys].forEach((k) => used.add(k));
  for (const [name, field] of fields) if (!used.has(name) && !resolved.has(name)) resolved.set(name, field);
  const tagFields = front ? [...tagKeys.flatMap((k) => present(fields, k)), ...taxonomyFields(fields.get("taxonomies"))] : present(fields, "tags");
  const oldUrlFields = front ? oldUrlKeys.flatMap((k) => present(fields, k)) : [];
  return { fields: resolved, publishedFlag, tagFields: tagFields.sort(byPosition), oldUrlFields, used };
}

const present = (fields: RawFields, key: string): RawField[] => {
  const field = fields.get(key);
  return field ? [field] : [];
};

const byPosition = (a: RawField, b: RawField): number => a.line - b.line || a.column - b.column;

/** Zola's `[taxonomies]` table: its `tags` and `categories` lists are tags too. */
function taxonomyFields(field: RawField | undefined): RawField[] {
  const value = field?.value;
  if (field === undefined || typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const table = value as Record<string, unknown>;
  return ["tags", "categories"].filter((k) => Object.hasOwn(table, k))
    .map((k) => ({ ...field, key: `taxonomies.${k}`, value: table[k], raw: undefined }));
}

function twice(name: string, first: RawField, other: RawField, file: string) {
  const what = name === "published" ? "publication date" : name === "updated" ? "update date" : `\`${name}\``;
  return error("duplicate-key", `the ${what} is given twice (as \`${first.key}\` and \`${other.key}\`)`, file,
    { line: other.line, column: other.keyColumn }, `keep one of the two: the first is on line ${first.line}`);
}
