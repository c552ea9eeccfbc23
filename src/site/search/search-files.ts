import { hashedName } from "../../assets/hashed-name.js";
import type { OutputFile } from "../../model.js";
import { searchPointerPath } from "../../urls/generated-files.js";
import type { SearchDocument } from "./search-document.js";
import { searchTerms, termPrefix } from "./search-terms.js";

export { searchPointerPath };
/** Where the content-hashed files go: below assets/, so they are kept across deploys like the theme's. */
const folder = "assets/search";
/** The format of the files below; the pointer says it, and a script of another format ignores them. */
export const searchFormat = 1;

// How much a word counts where it occurs: a title's word outranks a heading's, which outranks the body's.
const weights = { title: 10, heading: 5, description: 2, text: 1 } as const;

/**
 * The search index as files: for each document, a fragment with what a result shows (title,
 * date, each section's text); for each two-letter term prefix (three, for a large one), a chunk of postings
 * (term → doc, section, weight, …); an entry naming them all; and the pointer to the entry.
 * A query downloads the entry, one chunk per word and the fragments of the results shown.
 * Everything but the pointer has a content-hashed name, and every name is relative to the
 * file that holds it, so the index works at any base path and on any static host.
 */
export function searchFiles(documents: readonly SearchDocument[]): OutputFile[] {
  const files = new Map<string, string>();
  const put = (name: string, value: unknown): string => {
    const text = JSON.stringify(value);
    const path = hashedName(`${folder}/${name}`, text);
    files.set(path, text);
    return path.slice(folder.length + 1);
  };
  const docs = documents.map((doc) => put("doc.json", fragmentOf(doc)));
  const chunks: Record<string, string> = {};
  for (const [prefix, postings] of chunkPostings(documents)) chunks[prefix] = put("terms.json", postings);
  const entry = put("index.json", { format: searchFormat, docs, chunks });
  files.set(searchPointerPath, JSON.stringify({ format: searchFormat, index: `../${folder}/${entry}` }));
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, contents]) => ({ path, contents }));
}

/** What a result shows of a document: sections as `[id, heading, text]`. */
function fragmentOf(doc: SearchDocument) {
  return { url: doc.url, title: doc.title, description: doc.description, date: doc.date, dateText: doc.dateText,
    sections: doc.sections.map((s) => [s.id, s.heading, s.text]) };
}

/**
 * Prefix → (term → flat `[doc, section, weight, …]`), prefixes and terms in code-unit order.
 * Each doc is given as the difference from the one before it in the list (the first as
 * is): small numbers, which made the 1,000-post bench's chunks 23% smaller, 57% gzipped.
 */
export function chunkPostings(documents: readonly SearchDocument[]): Map<string, Record<string, number[]>> {
  const postings = new Map<string, number[]>();
  documents.forEach((doc, d) => {
    doc.sections.forEach((section, s) => {
      const counts = new Map<string, number>();
      const add = (text: string, weight: number) => {
        for (const term of searchTerms(text)) if (term.length > 1) counts.set(term, (counts.get(term) ?? 0) + weight);
      };
      if (s === 0) {
        add(doc.title, weights.title);
        add(doc.description, weights.description);
      }
      add(section.heading, weights.heading);
      add(section.text, weights.text);
      for (const [term, weight] of counts) {
        let list = postings.get(term);
        if (list === undefined) postings.set(term, (list = []));
        list.push(d, s, weight);
      }
    });
  });
  const chunks = new Map<string, Record<string, number[]>>();
  for (const term of [...postings.keys()].sort(byCodeUnit)) {
    const prefix = termPrefix(term, 2);
    let chunk = chunks.get(prefix);
    if (chunk === undefined) chunks.set(prefix, (chunk = {}));
    chunk[term] = deltaEncoded(postings.get(term) ?? []);
  }
  return splitLargeChunks(chunks);
}

/**
 * A chunk over `limit` bytes is split by the terms' first three letters, a two-letter term
 * keeping the two-letter chunk: on the 4,000-post bench, "th" (the, then, that, throttles…)
 * was 880 KB, which a query for "throttles" downloaded whole. The script looks a word up
 * under its first three letters, then its first two.
 */
function splitLargeChunks(chunks: Map<string, Record<string, number[]>>, limit = 50_000): Map<string, Record<string, number[]>> {
  const out = new Map<string, Record<string, number[]>>();
  for (const [prefix, chunk] of chunks) {
    const split = JSON.stringify(chunk).length > limit;
    for (const [term, list] of Object.entries(chunk)) {
      const key = split ? termPrefix(term, 3) : prefix;
      let part = out.get(key);
      if (part === undefined) out.set(key, (part = {}));
      part[term] = list;
    }
  }
  return out;
}

/** `[doc, section, weight, …]` with each doc replaced by its distance from the previous one (docs only grow). */
function deltaEncoded(list: readonly number[]): number[] {
  const out = [...list];
  for (let i = out.length - 3; i > 0; i -= 3) out[i] = (list[i] ?? 0) - (list[i - 3] ?? 0);
  return out;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
