import { decodeEntities } from "../text/decode-entities.js";
import type { Reference } from "./reference.js";
import { scanCss } from "./scan-css.js";
import { srcsetCandidates } from "../urls/srcset-candidates.js";
import { urlAttributes, urlKindOf } from "../urls/url-attributes.js";

/** What a page references and which fragment targets (`id`, `<a name>`) it offers. */
export interface HtmlScan {
  readonly refs: Reference[];
  readonly ids: Set<string>;
}

/** Elements whose body is not markup: skipped, except `<style>`, whose body is scanned as CSS. */
const rawTextEnd: ReadonlyMap<string, RegExp> = new Map([
  ["script", /<\/script[\s/>]/gi],
  ["style", /<\/style[\s/>]/gi],
  ["textarea", /<\/textarea[\s/>]/gi],
  ["title", /<\/title[\s/>]/gi],
]);

interface Attribute {
  readonly name: string;
  readonly value: string;
  readonly offset: number;
}

/**
 * Scans HTML at the tokenizer level: tags and their attributes, skipping comments,
 * doctypes, end tags and the bodies of `<script>`, `<textarea>` and `<title>`. It does
 * not build a tree: a URL's meaning does not depend on nesting, and this keeps a
 * 1,000-page site well under a second. Quoted, unquoted and entity-encoded values work.
 */
export function scanHtml(text: string): HtmlScan {
  const scan: HtmlScan = { refs: [], ids: new Set() };
  const n = text.length;
  let i = text.indexOf("<");
  while (i !== -1 && i < n - 1) {
    const c = text.charCodeAt(i + 1);
    if (c === 33 /* ! */ && text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
    } else if (isAsciiLetter(c)) {
      i = scanTag(text, i, scan);
    } else if (c === 33 || c === 47 || c === 63 /* ! / ? */) {
      const end = text.indexOf(">", i + 2);
      i = end === -1 ? n : end + 1;
    } else i++;
    i = text.indexOf("<", i);
  }
  return scan;
}

/** Reads one start tag at `start`; returns the index to continue from (after a raw-text body). */
function scanTag(text: string, start: number, scan: HtmlScan): number {
  let i = start + 1;
  while (i < text.length && !isTagNameEnd(text.charCodeAt(i))) i++;
  const name = mayMatterTag(text, start + 1, i) ? text.slice(start + 1, i).toLowerCase() : "";
  const attributes: Attribute[] = [];
  i = readAttributes(text, i, attributes);
  if (attributes.length > 0) collect(name, attributes, scan);
  const endPattern = rawTextEnd.get(name);
  // HTML ignores `/>` on these elements: `<script/>` still opens a raw-text body.
  if (!endPattern) return i;
  endPattern.lastIndex = i;
  const end = endPattern.exec(text);
  const bodyEnd = end ? end.index : text.length;
  if (name === "style") scan.refs.push(...scanCss(text.slice(i, bodyEnd), i));
  return bodyEnd;
}

/**
 * Reads attributes from `i` up to and including the tag's `>`; returns the index after it.
 * Only attributes whose names may matter are kept: most tags of a highlighted code block
 * are `<span style=…>`/`<span class=…>`, and allocating nothing for them keeps the scan fast.
 */
function readAttributes(text: string, i: number, out: Attribute[]): number {
  const n = text.length;
  for (;;) {
    while (i < n && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 47)) i++;
    if (i >= n) return n;
    if (text.charCodeAt(i) === 62 /* > */) return i + 1;
    const nameStart = i;
    i++;
    while (i < n && !isAttributeNameEnd(text.charCodeAt(i))) i++;
    const name = mayMatter(text, nameStart, i) ? text.slice(nameStart, i).toLowerCase() : undefined;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61 /* = */) {
      if (name !== undefined) out.push({ name, value: "", offset: i });
      continue;
    }
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    let valueStart = i;
    let valueEnd: number;
    if (q === 34 || q === 39) {
      const end = text.indexOf(q === 34 ? '"' : "'", i + 1);
      valueStart = i + 1;
      valueEnd = end === -1 ? n : end;
      i = valueEnd + 1;
    } else {
      while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 62) i++;
      valueEnd = i;
    }
    if (name !== undefined) out.push({ name, value: text.slice(valueStart, valueEnd), offset: valueStart });
  }
}

/** The attributes `collect` reads, and their first letters by name length (a filter that allocates nothing). */
const interestingAttributes = new Set([
  ...urlAttributes.map((a) => a.attribute), "id", "name", "style", "content", "http-equiv",
]);
const initialsByLength = new Map<number, string>();
for (const name of interestingAttributes) initialsByLength.set(name.length, (initialsByLength.get(name.length) ?? "") + name[0]);

/** Tags `collect` and the raw-text rule treat specially (`a`, `meta`, `object`, `script`…), by length and initial. */
const specialTagInitials = new Map<number, string>([[1, "a"], [4, "m"], [5, "st"], [6, "so"], [8, "t"]]);

function mayMatterTag(text: string, start: number, end: number): boolean {
  const initials = specialTagInitials.get(end - start);
  return initials !== undefined && initials.includes(String.fromCharCode(text.charCodeAt(start) | 32));
}

function mayMatter(text: string, start: number, end: number): boolean {
  const initials = initialsByLength.get(end - start);
  if (initials === undefined || !initials.includes(String.fromCharCode(text.charCodeAt(start) | 32))) return false;
  return interestingAttributes.has(text.slice(start, end).toLowerCase());
}

/** Turns one tag's attributes into references and fragment targets. */
function collect(tag: string, attributes: readonly Attribute[], scan: HtmlScan): void {
  for (const { name, value, offset } of attributes) {
    if (name === "id" || (name === "name" && tag === "a")) {
      if (value) scan.ids.add(decodeEntities(value));
    } else if (urlKindOf(tag, name) === "url") {
      scan.refs.push({ url: decodeEntities(value), offset });
    } else if (urlKindOf(tag, name) === "srcset") {
      scan.refs.push(...scanSrcset(value, offset));
    } else if (name === "style" && value.includes("url(")) {
      scan.refs.push(...scanCss(decodeEntities(value), offset));
    } else if (name === "content" && tag === "meta") {
      const ref = metaContentRef(attributes, decodeEntities(value), offset);
      if (ref) scan.refs.push(ref);
    }
  }
}

/** `<meta http-equiv=refresh content="0; url=/x/">`, and absolute URLs in `og:url`, `og:image` and the like. */
function metaContentRef(attributes: readonly Attribute[], content: string, offset: number): Reference | undefined {
  const isRefresh = attributes.some((a) => a.name === "http-equiv" && a.value.toLowerCase() === "refresh");
  if (isRefresh) {
    const match = /^\s*\d*\.?\d*\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.*?)\1\s*$/i.exec(content);
    const url = match?.[2];
    return url ? { url, offset: offset + content.indexOf(url) } : undefined;
  }
  return /^https?:\/\//i.test(content) ? { url: content, offset, absoluteOnly: true } : undefined;
}

/** The image candidates of a `srcset`: each URL with its own offset; descriptors are skipped. */
export function scanSrcset(raw: string, offset: number): Reference[] {
  return srcsetCandidates(raw).map(({ url, start }) => ({ url: decodeEntities(url), offset: offset + start }));
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isTagNameEnd = (c: number): boolean => isSpace(c) || c === 47 || c === 62;
const isAttributeNameEnd = (c: number): boolean => isSpace(c) || c === 47 || c === 61 || c === 62;
