import type { Post, RenderedPost } from "../model.js";
import type { MapReads } from "./recording-map.js";

/** A rendered post as the render cache keeps it: the rendering and the index reads it made. */
export interface RenderEntry {
  readonly rendered: RenderedPost;
  readonly linkReads: MapReads;
  readonly assetReads: MapReads;
}

/** MapReads as JSON: absent values are null. */
interface StoredReads {
  readonly values: readonly (readonly [string, string | null])[];
  readonly wholeHash: string | null;
}

/** A RenderEntry on disk: the rendering without its Post (the Post holds Dates; the build parses it afresh). */
export interface StoredRender {
  readonly rendered: Omit<RenderedPost, "post">;
  readonly linkReads: StoredReads;
  readonly assetReads: StoredReads;
}

/** The entry as plain JSON data. */
export function toStoredRender(entry: RenderEntry): StoredRender {
  const { post: _post, ...rendered } = entry.rendered;
  return { rendered, linkReads: toStoredReads(entry.linkReads), assetReads: toStoredReads(entry.assetReads) };
}

/** The entry again, with the build's own Post (same source, same config: the same Post). */
export function fromStoredRender(stored: StoredRender, post: Post): RenderEntry {
  return {
    rendered: { post, ...stored.rendered },
    linkReads: fromStoredReads(stored.linkReads),
    assetReads: fromStoredReads(stored.assetReads),
  };
}

const toStoredReads = (reads: MapReads): StoredReads => ({
  values: [...reads.values].map(([key, value]) => [key, value ?? null] as const),
  wholeHash: reads.wholeHash ?? null,
});

const fromStoredReads = (reads: StoredReads): MapReads => ({
  values: new Map(reads.values.map(([key, value]) => [key, value ?? undefined])),
  wholeHash: reads.wholeHash ?? undefined,
});

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === "string";
const isNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const tuple = (...checks: Check[]): Check => (v) => Array.isArray(v) && v.length === checks.length && checks.every((c, i) => c(v[i]));
const record = (fields: Record<string, Check>): Check => (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  Object.entries(fields).every(([name, check]) => check((v as Record<string, unknown>)[name]));

const isReads = record({ values: arrayOf(tuple(isString, nullable(isString))), wholeHash: nullable(isString) });

const isRendered = record({
  html: isString,
  description: isString,
  excerptHtml: optional(isString),
  headings: arrayOf(record({ depth: isNumber, id: isString, text: isString })),
  resources: arrayOf(record({ n: isNumber, author: optional(isString), title: isString, url: optional(isString) })),
  resourcesHeading: optional(isString),
  postLinks: arrayOf(record({ slug: isString, fragment: optional(isString), line: isNumber, column: isNumber })),
  assets: arrayOf(isString),
  wordCount: isNumber,
  digest: isString,
  anchorIds: arrayOf(isString),
  diagnostics: arrayOf(record({
    severity: (v) => v === "error" || v === "warning",
    rule: isString,
    message: isString,
    hint: optional(isString),
    file: optional(isString),
    line: optional(isNumber),
    column: optional(isNumber),
  })),
});

/** Whether a value read from disk has the exact shape of a StoredRender (anything else is not trusted). */
export const isStoredRender = (value: unknown): value is StoredRender =>
  record({ rendered: isRendered, linkReads: isReads, assetReads: isReads })(value);
