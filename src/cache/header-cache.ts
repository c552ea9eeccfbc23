import { createHash } from "node:crypto";
import type { SiteConfig } from "../config/site-config.js";
import { postOf, parsePostHeader, type PostHeader } from "../content/parse-post.js";
import type { Diagnostic } from "../diagnostics.js";
import type { HeaderFormat, Post, PostKind, PostMeta, SourceFile } from "../model.js";
import { openBundledEntries } from "./bundled-entries.js";

/**
 * Parsed headers kept between builds, by the source's text, path and kind and the config:
 * after a one-post edit a build parses one header instead of every one (YAML front matter
 * made that 0.2–0.3 s at 1,000 posts). All of them live in one file (bundled-entries.ts).
 */
export interface HeaderCache {
  /** parsePost, answered from the cache when it holds this source's header. */
  parse(source: SourceFile, config: SiteConfig, kind: PostKind): { post: Post | undefined; diagnostics: Diagnostic[] };
  /**
   * Saves the headers this build parsed or used (after a failed build, with those it did
   * not reach), when any is new. Throws when the file cannot be written.
   */
  save(succeeded: boolean): void;
}

/** The header cache of the cache folder `dir`, for the code `identity` (another version's headers are not used); read at the first parse. */
export function openHeaderCache(dir: string, identity: string): HeaderCache {
  const kept = openBundledEntries(dir, "headers", identity, isStoredHeader);
  // The config's digest, once per config object: its JSON was written again into every post's key.
  let salted: { config: SiteConfig; salt: string } | undefined;
  const saltOf = (config: SiteConfig) =>
    (salted?.config === config ? salted : (salted = { config, salt: createHash("sha256").update(JSON.stringify(config)).digest("hex") })).salt;
  return {
    parse(source, config, kind) {
      const key = createHash("sha256").update(JSON.stringify([kind, source.path, saltOf(config)])).update("\0").update(source.text).digest("hex");
      const found = kept.get(key);
      if (found !== undefined) return postOf(source, kind, fromStored(found));
      const header = parsePostHeader(source, config, kind);
      const keepable = toStored(header);
      if (keepable !== undefined) kept.keep(key, keepable);
      return postOf(source, kind, header);
    },
    save: (succeeded) => kept.save(succeeded),
  };
}

/** A header as JSON: dates as milliseconds. */
interface StoredHeader {
  readonly diagnostics: Diagnostic[];
  readonly parsed?: {
    readonly format: string;
    readonly url: string;
    readonly bodyStart: number;
    readonly meta: StoredMeta;
  };
}

type StoredMeta = Omit<PostMeta, "published" | "updated"> & { readonly published?: number; readonly updated?: number };

/** The header in its stored form; undefined when it holds what JSON cannot (a date or other object among the extra keys). */
function toStored(header: PostHeader): StoredHeader | undefined {
  if (!header.diagnostics.every(isPlainJson)) return undefined;
  if (header.parsed === undefined) return { diagnostics: header.diagnostics };
  const { meta, ...rest } = header.parsed;
  if (!isPlainJson(meta.extra)) return undefined;
  return { diagnostics: header.diagnostics, parsed: { ...rest, meta: withDates(meta, (date) => (date as Date).getTime()) as StoredMeta } };
}

function fromStored(stored: StoredHeader): PostHeader {
  if (stored.parsed === undefined) return { parsed: undefined, diagnostics: stored.diagnostics };
  const { meta, format, ...rest } = stored.parsed;
  return {
    diagnostics: stored.diagnostics,
    parsed: { ...rest, format: format as HeaderFormat, meta: withDates(meta, (ms) => new Date(ms as number)) as unknown as PostMeta },
  };
}

/**
 * `meta` with its dates (published, updated) converted, its keys in the same order: JSON of
 * the metadata is part of cache keys (feeds, pages), which must not change with the order.
 */
function withDates(meta: object, convert: (value: unknown) => unknown): object {
  return Object.fromEntries(Object.entries(meta).map(([key, value]) => [key, dateKeys.has(key) && value !== undefined ? convert(value) : value]));
}

const dateKeys = new Set(["published", "updated"]);

/** Strings, finite numbers, booleans, null, arrays and plain objects of them: what JSON gives back as it was. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as Record<string, unknown>).every((v) => v === undefined || isPlainJson(v));
}

/** The stored shape, field by field: a file edited or cut short by anyone else is not used. */
function isStoredHeader(value: unknown): value is StoredHeader {
  const entry = value as { diagnostics?: unknown; parsed?: Record<string, unknown> } | null;
  if (typeof entry !== "object" || entry === null || !Array.isArray(entry.diagnostics)) return false;
  if (!entry.diagnostics.every((d: { rule?: unknown; message?: unknown; severity?: unknown }) => typeof d?.rule === "string" && typeof d.message === "string" && typeof d.severity === "string")) return false;
  const parsed = entry.parsed;
  if (parsed === undefined) return true;
  const meta = parsed.meta as Record<string, unknown> | undefined;
  const optional = (v: unknown, type: string) => v === undefined || typeof v === type;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");
  return typeof parsed === "object" && parsed !== null && ["bang", "yaml", "toml"].includes(parsed.format as string) &&
    typeof parsed.url === "string" && Number.isInteger(parsed.bodyStart) &&
    typeof meta === "object" && meta !== null && typeof meta.title === "string" && typeof meta.slug === "string" &&
    optional(meta.published, "number") && optional(meta.updated, "number") && optional(meta.description, "string") &&
    optional(meta.author, "string") && optional(meta.image, "string") && typeof meta.draft === "boolean" &&
    strings(meta.tags) && strings(meta.aliases) && typeof meta.extra === "object" && meta.extra !== null;
}
