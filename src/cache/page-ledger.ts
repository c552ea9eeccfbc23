import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { FileDigest } from "../files/hash-file.js";
import { unchangedFiles } from "../files/tree-snapshot.js";
import { fileOfOutput, forgetFile, readBuildRecord, writeWholeInParts } from "./build-record.js";
import { codeIdentity } from "./code-identity.js";

/**
 * What the last build made at each page of its output: the page's key (the page cache's:
 * template, data, theme, config), the digest of its bytes and what the output check found in
 * it. When a build makes a page with the same key at the same path, and the live output's
 * file there is still as that build left it, the page is the live file: it is neither
 * rendered, nor read from the cache, nor staged, nor scanned again. After a one-post edit
 * that was most of a build's time (1,364 pages of the 1,000-post bench corpus).
 */
export interface LedgerPage {
  readonly key: string;
  readonly digest: FileDigest;
  readonly scan: PageScan;
}

/** What the output check found in a page (check/scan-file.ts), without its text. */
export interface PageScan {
  readonly refs: readonly { readonly url: string; readonly offset: number; readonly absoluteOnly?: boolean }[];
  readonly ids: ReadonlySet<string> | undefined;
}

/** A page of the last build that this build may take as it is: its entry, and the live file that holds it. */
export interface EarlierPage extends LedgerPage {
  readonly file: string;
}

/** The last build's pages that are still in the live output as it left them. */
export interface EarlierPages {
  /** The page at `outputPath` when the last build made it from the same `key` and its file is unchanged. */
  find(outputPath: string, key: string): EarlierPage | undefined;
}

/**
 * The ledger a build fills as it makes its pages. Each page is put in the stored form at
 * once (strings shared, references as numbers), so that the ledger holds none of the scans
 * the build lets go of before it writes.
 */
export interface PageLedger {
  /** Notes the page at `outputPath`: made by this build, or `taken` as the last build left it. */
  add(outputPath: string, page: LedgerPage, how?: "made" | "taken"): void;
  /** How many pages were taken as the last build left them. */
  taken(): number;
  /** The ledger of generation `generation`, to save once that generation is written. */
  seal(generation: string): SealedLedger;
}

/** A filled ledger, to be saved once its generation is written. */
export interface SealedLedger {
  readonly generation: string;
  readonly strings: readonly string[];
  readonly pages: readonly LedgerRow[];
  readonly refs: Uint32Array;
}

const ledgerFormat = 1;

const ledgerPath = (cacheDir: string, outDir: string): string => fileOfOutput(cacheDir, outDir, "last-pages");

/**
 * The pages the last build into `outDir` left that can be trusted: the ledger is of the
 * generation the build record names and of this code, and each file is still as the
 * record's snapshot of the output has it (files/tree-snapshot.ts: a page edited by hand in
 * the output is made again). A generation id is a digest of its files, so a ledger of that
 * generation tells those files' bytes. Undefined when there is nothing to trust.
 */
export function readEarlierPages(cacheDir: string, outDir: string): EarlierPages | undefined {
  const record = readBuildRecord(cacheDir, outDir);
  const ledger = record && readLedger(ledgerPath(cacheDir, outDir));
  if (record === undefined || ledger === undefined || ledger.generation !== record.report.generation) return undefined;
  if (realPathOrNone(outDir) !== record.outputTarget) return undefined;
  const unchanged = unchangedFiles(record.output);
  return {
    find(outputPath, key) {
      const page = ledger.pages.get(outputPath);
      const file = path.join(record.outputTarget, outputPath);
      return page?.key === key && unchanged.has(file) ? { ...page, file } : undefined;
    },
  };
}

/** An empty ledger, for a build to fill. */
export function createPageLedger(): PageLedger {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const indexOf = (text: string): number => {
    let index = indexes.get(text);
    if (index === undefined) indexes.set(text, (index = strings.push(text) - 1));
    return index;
  };
  // Every page's references, three numbers each, in one growing array of 32-bit numbers: as
  // arrays of their own, a 20,000-post site's millions of references took hundreds of MB.
  let refs = new Uint32Array(1 << 16);
  let used = 0;
  const pages: LedgerRow[] = [];
  let taken = 0;
  return {
    add(outputPath, { key, digest, scan }, how = "made") {
      if (how === "taken") taken++;
      const start = used;
      if (used + 3 * scan.refs.length > refs.length) {
        const grown = new Uint32Array(Math.max(2 * refs.length, used + 3 * scan.refs.length));
        grown.set(refs.subarray(0, used));
        refs = grown;
      }
      for (const ref of scan.refs) {
        refs[used++] = indexOf(ref.url);
        refs[used++] = ref.offset;
        refs[used++] = ref.absoluteOnly ? 1 : 0;
      }
      pages.push({ outputPath, key, digest, refs: [start, used], ids: scan.ids === undefined ? null : Array.from(scan.ids, indexOf) });
    },
    taken: () => taken,
    seal: (generation) => ({ generation, strings, pages, refs: refs.subarray(0, used) }),
  };
}

/** One page as the ledger holds it while the build runs: its references are a range of the shared array. */
interface LedgerRow {
  readonly outputPath: string;
  readonly key: string;
  readonly digest: FileDigest;
  readonly refs: readonly [start: number, end: number];
  readonly ids: readonly number[] | null;
}

/**
 * Saves the ledger of a build just written into `outDir`, before its record: page by page, so
 * that the whole ledger is never one string in memory.
 */
export function writePageLedger(cacheDir: string, outDir: string, ledger: SealedLedger): void {
  writeWholeInParts(cacheDir, ledgerPath(cacheDir, outDir), function* () {
    const head: Omit<StoredLedger, "pages"> = { format: ledgerFormat, identity: codeIdentity(), generation: ledger.generation, strings: ledger.strings };
    yield `${JSON.stringify(head).slice(0, -1)},"pages":[`;
    let first = true;
    for (const { outputPath, key, digest, refs: [start, end], ids } of ledger.pages) {
      const row: StoredPage = [outputPath, key, digest.hash, digest.size, Array.from(ledger.refs.subarray(start, end)), ids];
      yield `${first ? "" : ","}${JSON.stringify(row)}`;
      first = false;
    }
    yield "]}";
  });
}

/** Forgets the ledger, with the record, before a build changes the output. */
export function forgetPageLedger(cacheDir: string, outDir: string): void {
  forgetFile(cacheDir, ledgerPath(cacheDir, outDir));
}

/**
 * The ledger on disk: URLs and ids, the same on most pages (navigation, assets, tags), are
 * written once in `strings` and named by their index; a page is
 * `[path, key, hash, size, refs as (string, offset, absoluteOnly) triples, ids or null]`.
 */
interface StoredLedger {
  readonly format: typeof ledgerFormat;
  readonly identity: string;
  readonly generation: string;
  readonly strings: readonly string[];
  readonly pages: readonly StoredPage[];
}

type StoredPage = readonly [path: string, key: string, hash: string, size: number, refs: readonly number[], ids: readonly number[] | null];

function readLedger(file: string): { generation: string; pages: Map<string, LedgerPage> } | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // none, or damaged: the build makes every page
  }
  return isStoredLedger(stored) && stored.identity === codeIdentity() ? fromStored(stored) : undefined;
}

function fromStored(stored: StoredLedger): { generation: string; pages: Map<string, LedgerPage> } {
  const { strings } = stored;
  const pages = new Map<string, LedgerPage>();
  for (const [outputPath, key, hash, size, flat, ids] of stored.pages) {
    const refs: { url: string; offset: number; absoluteOnly?: boolean }[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const url = strings[flat[i] as number] as string; // every index is checked by isStoredLedger
      refs.push(flat[i + 2] === 1 ? { url, offset: flat[i + 1] as number, absoluteOnly: true } : { url, offset: flat[i + 1] as number });
    }
    const idSet = ids === null ? undefined : new Set(ids.map((index) => strings[index] ?? ""));
    pages.set(outputPath, { key, digest: { hash, size }, scan: { refs, ids: idSet } });
  }
  return { generation: stored.generation, pages };
}

/** The stored shape, down to each page: a ledger cut short or edited by anyone else is no ledger. */
function isStoredLedger(value: unknown): value is StoredLedger {
  const ledger = value as Partial<Record<keyof StoredLedger, unknown>> | null;
  if (typeof ledger !== "object" || ledger === null || ledger.format !== ledgerFormat) return false;
  if (typeof ledger.identity !== "string" || typeof ledger.generation !== "string") return false;
  if (!Array.isArray(ledger.strings) || !ledger.strings.every((s) => typeof s === "string") || !Array.isArray(ledger.pages)) return false;
  const count = ledger.strings.length;
  const isIndex = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < count;
  return ledger.pages.every((page: unknown) => {
    if (!Array.isArray(page) || page.length !== 6) return false;
    const [outputPath, key, hash, size, refs, ids] = page as unknown[];
    return typeof outputPath === "string" && typeof key === "string" && typeof hash === "string" && Number.isInteger(size) &&
      Array.isArray(refs) && refs.length % 3 === 0 && refs.every((n, i) => (i % 3 === 0 ? isIndex(n) : Number.isInteger(n))) &&
      (ids === null || (Array.isArray(ids) && ids.every(isIndex)));
  });
}

function realPathOrNone(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
