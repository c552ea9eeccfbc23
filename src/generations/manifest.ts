/**
 * `daylight-manifest.json`: what an output folder holds and what it has published. It is
 * how a build knows its previous generation, how `check` verifies a folder and how
 * `deploy` orders an upload. Plain JSON, written with sorted keys so it is reproducible.
 */

/** How long a file may be cached: forever (its name changes with its bytes), or revalidated on every use. */
export type CacheClass = "immutable" | "revalidate";

/** One output file. */
export interface ManifestFile {
  /** SHA-256 of the bytes, hex, first 16 characters. */
  readonly hash: string;
  readonly size: number;
  readonly cache: CacheClass;
}

/** One generation: a build whose output differed from the one before it. */
export interface GenerationRecord {
  /** Derived from the manifest's files (so identical builds share it): 12 hex characters. */
  readonly id: string;
  /** ISO 8601: "now" of the build that made it (SOURCE_DATE_EPOCH when set). */
  readonly time: string;
  /** The immutable (hashed) files that this generation's pages reference: kept while the generation is retained. */
  readonly assets: readonly string[];
}

/** What became of a URL the site once published. */
export type LedgerEntry =
  | { readonly status: "live"; readonly since: string }
  | { readonly status: "redirect"; readonly since: string; readonly to: string }
  | { readonly status: "gone"; readonly since: string };

/** The whole manifest. */
export interface Manifest {
  readonly version: 1;
  /** The site's absolute URL (`https://example.com/blog/`). */
  readonly baseUrl: string;
  /** The current generation first, then older retained ones, newest first. */
  readonly generations: readonly GenerationRecord[];
  /** Output path (POSIX, relative to the output root) → file facts, for every file but the manifest itself. */
  readonly files: Readonly<Record<string, ManifestFile>>;
  /**
   * Site-relative URL path (`/blog/posts/a/`) → its fate: every post and page URL this
   * generation serves, redirects or declares gone, and every URL a deploy ever carried.
   */
  readonly urls: Readonly<Record<string, LedgerEntry>>;
  /**
   * The ledger URLs that no deploy has carried yet: local builds alone lock nothing, so a
   * later build may drop these without a word. `daylight deploy` removes the field from
   * the manifest it publishes (and from the built folder's): absent, every URL is published.
   */
  readonly unpublished?: readonly string[];
}
