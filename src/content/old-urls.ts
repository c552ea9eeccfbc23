import { warning } from "../diagnostics.js";
import { invalidField, type FieldSink } from "./field-readers.js";
import { generatedFileAt, normalizeAlias } from "../urls/normalize-alias.js";
import type { RawField } from "./raw-fields.js";

/** What `permalink`/`url` keys say about a post. */
export interface OldUrls {
  /** Site paths the post was published at (`/2016/10/06/release.html`), normalised like `aliases`. */
  readonly paths: readonly string[];
  /** `permalink: false` (Eleventy): the page was never written, so it stays unpublished. */
  readonly unwritten: boolean;
}

/** A URL pattern or template rather than a URL: `/:year/:title/`, `{{ page.fileSlug }}/`. */
const isPattern = (text: string): boolean => /(^|\/):[A-Za-z_]/.test(text) || /\{[{%]/.test(text);

/**
 * Reads Jekyll's `permalink` and Hugo's `url` (the address another generator published the
 * post at) as old URLs: the URL ledger's redirects then keep that address working. A
 * pattern (`/:categories/:title/`) is a site-wide setting, not this post's URL: a warning.
 */
export function readOldUrls(sink: FieldSink, fields: readonly RawField[], siteUrl: string | undefined): OldUrls {
  const paths: string[] = [];
  let unwritten = false;
  for (const field of fields) {
    const { value } = field;
    if (value === false) unwritten = true;
    else if (value === null || value === undefined || value === true || value === "") continue;
    else if (typeof value !== "string") invalidField(sink, field.key, field, "must be the post's old URL", `write it as a path, e.g. \`${field.key}: /2019/03/old-name/\``);
    else if (isPattern(value)) sink.diagnostics.push(patternWarning(sink.file, field, value));
    else readOne(sink, field, value, siteUrl, paths);
  }
  return { paths, unwritten };
}

function readOne(sink: FieldSink, field: RawField, value: string, siteUrl: string | undefined, paths: string[]): void {
  const path = normalizeAlias(value, siteUrl);
  if (path === undefined) {
    invalidField(sink, field.key, field, `holds \`${value}\`, which cannot be a page of this site`,
      "give the old URL as a path from the site root, e.g. `/2019/03/old-name/`, without `..` or spaces");
  } else if (generatedFileAt(path) !== undefined) {
    invalidField(sink, field.key, field, `holds \`${value}\`, where daylight writes its own ${generatedFileAt(path)}`,
      "remove it: an old URL cannot take the place of a feed, the sitemap, the manifest or the host's rule files");
  } else if (!paths.includes(path)) {
    paths.push(path);
  }
}

function patternWarning(file: string, field: RawField, value: string) {
  return warning("permalink-pattern", `\`${field.key}\` holds the pattern \`${value}\`, not a URL: it is not kept as an old address`,
    file, { line: field.line, column: field.column },
    "write the URL this post was published at (e.g. `/2016/10/06/release.html`) to keep it working through a redirect, or remove the key");
}
