import { hashedName } from "../../assets/hashed-name.js";
import type { SearchDocument } from "./search-document.js";
import { searchTerms } from "./search-terms.js";

/** Where the content-hashed files go: below assets/, so they are kept across deploys like the theme's. */
export const searchFolder = "assets/search";

/**
 * What the index keeps of one page, made once per rendering (and cached by it): the file
 * of what a result shows, and the page's term counts, from which the chunks are made
 * without the page's text.
 */
export interface SearchPage {
  /** `assets/search/doc.<hash>.json`. */
  readonly path: string;
  /** Its JSON: url, title, description, date, dateText and the sections as `[id, heading, text]`. */
  readonly fragment: string;
  /**
   * One line per term, in the order met: `term section weight section weight …`, sections
   * ascending (a term holds no space or line break: it is letters and digits).
   */
  readonly terms: string;
}

// How much a word counts where it occurs: a title's word outranks a heading's, which outranks the body's.
const weights = { title: 10, heading: 5, description: 2, text: 1 } as const;

/** A document as the index keeps it. */
export function toSearchPage(doc: SearchDocument): SearchPage {
  const fragment = JSON.stringify({ url: doc.url, title: doc.title, description: doc.description, date: doc.date,
    dateText: doc.dateText, sections: doc.sections.map((s) => [s.id, s.heading, s.text]) });
  const perTerm = new Map<string, number[]>();
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
      let list = perTerm.get(term);
      if (list === undefined) perTerm.set(term, (list = []));
      list.push(s, weight);
    }
  });
  const terms = [...perTerm].map(([term, list]) => `${term} ${list.join(" ")}`).join("\n");
  return { path: hashedName(`${searchFolder}/doc.json`, fragment), fragment, terms };
}

/**
 * Calls `each` with every count of a page's `terms`: the term, a section, the term's weight
 * in it. Read a character at a time: splitting the lines and numbers into strings was the
 * most of an edit build's indexing (the 1,000-post bench's 674,000 counts).
 */
export function forEachCount(terms: string, each: (term: string, section: number, weight: number) => void): void {
  const end = terms.length;
  for (let i = 0; i < end;) {
    const space = terms.indexOf(" ", i);
    const term = terms.slice(i, space);
    let section = -1;
    let value = 0;
    for (i = space + 1; ; i++) {
      const code = i < end ? terms.charCodeAt(i) : newline;
      if (code !== space32 && code !== newline) {
        value = value * 10 + code - zero;
        continue;
      }
      if (section === -1) section = value;
      else {
        each(term, section, value);
        section = -1;
      }
      value = 0;
      if (code === newline) break;
    }
    i++;
  }
}

const [space32, newline, zero] = [32, 10, 48];
