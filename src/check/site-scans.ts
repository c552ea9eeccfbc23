import { asText, scanFile, scanKindOf, type ScannedFile } from "./scan-file.js";
import { ownString } from "../text/own-strings.js";

/**
 * The scans of a site's files, made once each: by the check as it reads the files, or
 * earlier by a build as it makes its pages (which then need not be read back and decoded
 * again: on a 20,000-post site that decoding was 1.4 GB of strings, and the heap V8 grew to
 * hold them).
 */
export interface SiteScans {
  /** Scans `path` (when it is a kind of file that holds references) unless it is scanned already. */
  scan(path: string, contents: Uint8Array | string, again: () => Uint8Array | string): void;
  /** Takes the scan of `path` as a build found it earlier (see cache/page-ledger.ts); `text` reads the file when a diagnostic needs positions. */
  add(path: string, scan: Pick<ScannedFile, "refs" | "ids">, text: () => Uint8Array | string): void;
  get(path: string): ScannedFile | undefined;
  readonly all: ReadonlyMap<string, ScannedFile>;
}

export function createSiteScans(): SiteScans {
  const scans = new Map<string, ScannedFile>();
  const strings = new Map<string, string>();
  return {
    scan(path, contents, again) {
      const kind = scanKindOf(path);
      if (kind && !scans.has(path)) scans.set(path, detached(scanFile(kind, contents, again), strings));
    },
    add(path, scan, text) {
      // Its strings are the ledger's, shared and apart from any page's text already.
      scans.set(path, { refs: scan.refs, ids: scan.ids, text: () => asText(text()) });
    },
    get: (path) => scans.get(path),
    all: scans,
  };
}

/**
 * The scan with its strings copied out of the file's text and shared between files. A URL or
 * id sliced from a page keeps the whole page's text alive, so that until the references were
 * resolved every page of the site stayed in memory; most URLs (navigation, assets, tags)
 * are the same on every page.
 */
function detached(scan: ScannedFile, strings: Map<string, string>): ScannedFile {
  const own = (text: string): string => {
    let copy = strings.get(text);
    if (copy === undefined) {
      copy = ownString(text);
      strings.set(copy, copy);
    }
    return copy;
  };
  return {
    text: scan.text,
    refs: scan.refs.map((ref) => ({ ...ref, url: own(ref.url) })),
    ids: scan.ids && new Set(Array.from(scan.ids, own)),
  };
}
