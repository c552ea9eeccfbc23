import type { Reference } from "./reference.js";
import { scanCss } from "./scan-css.js";
import { scanJsonFeed, scanRobots, scanXml } from "./scan-feed.js";
import { scanHtml } from "./scan-html.js";
import { manifestPath } from "../urls/generated-files.js";

/**
 * One scanned file: its text (for positions, made again from its bytes when asked: a large
 * site's pages are not kept as text twice), its references and, for a page, its fragment targets.
 */
export interface ScannedFile {
  text(): string;
  readonly refs: readonly Reference[];
  readonly ids: ReadonlySet<string> | undefined;
}

/** The kinds of files that hold references. */
export type ScanKind = "html" | "css" | "xml" | "json" | "robots";

/** Which scanner reads `path`, or undefined for files without references (images, fonts…). */
export function scanKindOf(path: string): ScanKind | undefined {
  const dot = path.lastIndexOf(".");
  const extension = dot === -1 ? "" : path.slice(dot + 1).toLowerCase();
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "css") return "css";
  if (extension === "xml" || extension === "rss" || extension === "atom" || extension === "xsl") return "xml";
  if (extension === "json" && path !== manifestPath) return "json";
  if (path === "robots.txt") return "robots";
  return undefined;
}

/** UTF-8 → string; Buffer's decoder is several times faster than TextDecoder on large pages. */
const decode = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

/**
 * Decodes (when it is bytes) and scans one file. `again` gives its contents back when a
 * diagnostic needs positions, so that a caller that can read them again (from disk) need not
 * keep them: a large site's pages would otherwise all stay in memory for the whole check.
 * (No closure here may name `contents`: V8 would keep it in the context `text` shares.)
 */
export function scanFile(kind: ScanKind, contents: Uint8Array | string, again: () => Uint8Array | string): ScannedFile {
  return { text: () => asText(again()), ...scanText(kind, asText(contents)) };
}

/** The file's contents as text (UTF-8 when they are bytes). */
export const asText = (contents: Uint8Array | string): string => (typeof contents === "string" ? contents : decode(contents));

function scanText(kind: ScanKind, text: string): Pick<ScannedFile, "refs" | "ids"> {
  switch (kind) {
    case "html":
      return scanHtml(text);
    case "css":
      return { refs: scanCss(text), ids: undefined };
    case "xml":
      return { refs: scanXml(text), ids: undefined };
    case "json":
      return { refs: scanJsonFeed(text), ids: undefined };
    case "robots":
      return { refs: scanRobots(text), ids: undefined };
  }
}
