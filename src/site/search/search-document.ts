import { htmlOf, type Rendering } from "../../model.js";
import { htmlToText } from "./html-text.js";

/** One part of a page a search result can link to: the text under one heading (or above the first). */
export interface SearchSection {
  /** The heading's anchor id; "" for the top of the page. */
  readonly id: string;
  /** The heading's text; "" for the top of the page. */
  readonly heading: string;
  readonly text: string;
}

/** What the index knows of one post or page. */
export interface SearchDocument {
  /** Site-absolute (`/blog/posts/a/`). */
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** `2025-06-24T14:00:00.000Z`, or "" for an undated page. */
  readonly date: string;
  /** The date as the theme prints it (`24 June 2025`, in the site's zone and language). */
  readonly dateText: string;
  readonly sections: readonly SearchSection[];
}

// A heading's start tag with its id, as rehype-slug writes it; its content up to the end tag is dropped.
const headingElement = /<h([1-6])\b[^>]*?\bid="([^"]*)"[^>]*>[\s\S]*?<\/h\1\s*>/gi;

/**
 * A rendered post or page as the index sees it: its body split at each heading that has an
 * id. The body is the rendering's HTML, which holds neither the site's navigation nor the
 * Resources section, so neither is indexed.
 */
export function toSearchDocument(rendered: Rendering, dateText: (date: Date) => string): SearchDocument {
  const { post } = rendered;
  const headingText = new Map(rendered.headings.map((h) => [h.id, h.text]));
  const html = htmlOf(rendered);
  const sections: SearchSection[] = [];
  let id = "";
  let heading = "";
  let from = 0;
  for (const match of html.matchAll(headingElement)) {
    sections.push({ id, heading, text: htmlToText(html.slice(from, match.index)) });
    id = decodeAttribute(match[2] ?? "");
    heading = headingText.get(id) ?? htmlToText((match[0] ?? "").replace(/<a\b[^>]*class="heading-anchor"[\s\S]*?<\/a>/, ""));
    from = match.index + (match[0] ?? "").length;
  }
  sections.push({ id, heading, text: htmlToText(html.slice(from)) });
  const published = post.meta.published;
  return {
    url: post.url,
    title: post.meta.title,
    description: rendered.description,
    date: published ? published.toISOString() : "",
    dateText: published ? dateText(published) : "",
    sections: sections.filter((s, i) => i === 0 || s.id !== "" || s.text !== ""),
  };
}

/** `%-d %B %Y` as the theme's post-meta prints it (date-filter.ts: the month named alone), in the site's zone and language. */
export function themeDateText(timeZone: string, language: string): (date: Date) => string {
  const numbers = new Intl.DateTimeFormat("en-US", { timeZone, day: "numeric", year: "numeric", month: "numeric" });
  const month = new Intl.DateTimeFormat(language, { timeZone, month: "long" });
  return (date) => {
    const of = Object.fromEntries(numbers.formatToParts(date).map((p) => [p.type, p.value]));
    return `${of["day"] ?? ""} ${month.format(date)} ${of["year"] ?? ""}`;
  };
}

const decodeAttribute = (value: string): string => htmlToText(value);
