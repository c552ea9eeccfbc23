import type { Resource } from "../model.js";

/** A piece of text: plain, or a citation of resource `n`. */
export type CitationSegment =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "citation"; readonly value: string; readonly n: number };

const GROUP = /\(([^()]+)\)/g;
// `Author, 2016`, `Author 2016`, `Humble & Farley, 2010`, `Nygard, 2018a`.
const PART = /^(\s*)(\p{L}[^,;]*?(?:,[^,;\d][^,;]*?)*),?\s+(\d{4})([a-z]?)(\s*)$/u;

/**
 * Splits `text` into plain text and citations: `(A, 2016; B, 1992)` parts whose author
 * matches a resource. Returns undefined when nothing in `text` is cited.
 */
export function findCitations(text: string, resources: readonly Resource[]): CitationSegment[] | undefined {
  const segments: CitationSegment[] = [];
  let last = 0;
  for (const group of text.matchAll(GROUP)) {
    const parts = citeParts(group[1] ?? "", resources);
    if (!parts) continue;
    const start = group.index + 1;
    pushText(segments, text.slice(last, start));
    for (const part of parts) {
      if (part.kind === "text") pushText(segments, part.value);
      else segments.push(part);
    }
    last = start + (group[1]?.length ?? 0);
  }
  if (segments.length === 0) return undefined;
  pushText(segments, text.slice(last));
  return segments;
}

/** A citation `(Author, 2016)` whose author is no resource's: where it starts in the text, as written. */
export interface UnknownCitation {
  readonly offset: number;
  readonly written: string;
  readonly author: string;
}

/**
 * The parts of `text`'s citation groups written `Author, 2016` (with the comma: `(March
 * 2016)` is a date, not a citation) whose author matches none of `resources`.
 */
export function unknownCitations(text: string, resources: readonly Resource[]): UnknownCitation[] {
  const found: UnknownCitation[] = [];
  for (const group of text.matchAll(GROUP)) {
    let offset = group.index + 1;
    for (const part of (group[1] ?? "").split(";")) {
      const match = PART.exec(part);
      const author = match?.[2] ?? "";
      if (match && /,\s*\d{4}[a-z]?\s*$/.test(part) && matchResource(author, match[4] ?? "", resources) === undefined) {
        found.push({ offset: offset + (match[1]?.length ?? 0), written: part.trim(), author });
      }
      offset += part.length + 1;
    }
  }
  return found;
}

function citeParts(inner: string, resources: readonly Resource[]): CitationSegment[] | undefined {
  const out: CitationSegment[] = [];
  let cited = false;
  for (const [i, part] of inner.split(";").entries()) {
    if (i > 0) out.push({ kind: "text", value: ";" });
    const match = PART.exec(part);
    const n = match ? matchResource(match[2] ?? "", match[4] ?? "", resources) : undefined;
    if (!match || n === undefined) {
      out.push({ kind: "text", value: part });
      continue;
    }
    const [, before = "", , , , after = ""] = match;
    cited = true;
    out.push({ kind: "text", value: before }, { kind: "citation", value: part.trim(), n }, { kind: "text", value: after });
  }
  return cited ? out : undefined;
}

/** The number of the resource an author (plus an optional `a`/`b` year suffix) cites. */
export function matchResource(author: string, suffix: string, resources: readonly Resource[]): number | undefined {
  const wanted = normalizeAuthor(author);
  const surname = firstSurname(wanted);
  const withAuthor = resources.filter((r) => r.author !== undefined);
  const exact = withAuthor.filter((r) => normalizeAuthor(r.author ?? "") === wanted);
  const candidates = exact.length > 0 ? exact : withAuthor.filter((r) => firstSurname(normalizeAuthor(r.author ?? "")) === surname);
  // `2018a`, `2018b` pick among several works of the same author, in list order.
  const index = suffix ? suffix.charCodeAt(0) - 97 : 0;
  return (candidates[index] ?? candidates[0])?.n;
}

const normalizeAuthor = (author: string): string =>
  author.toLowerCase().replace(/&/g, " and ").replace(/\s+/g, " ").trim();

// "jez humble and david farley" → "humble"; "humble et al." → "humble".
function firstSurname(normalized: string): string {
  const first = normalized.split(/ and |,| et al\.?/)[0] ?? "";
  const words = first.trim().split(" ");
  return (words[words.length - 1] ?? "").replace(/\.$/, "");
}

function pushText(segments: CitationSegment[], value: string): void {
  if (value === "") return;
  const previous = segments[segments.length - 1];
  if (previous?.kind === "text") segments[segments.length - 1] = { kind: "text", value: previous.value + value };
  else segments.push({ kind: "text", value });
}
