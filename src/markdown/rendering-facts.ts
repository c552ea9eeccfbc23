import { decodeEntities } from "../text/decode-entities.js";
import { formulasAsTex } from "../text/formulas-as-tex.js";
import { createHash } from "node:crypto";
import type { RenderedPost } from "../model.js";

/** The parts of a rendering that pages, feeds and caches take from it. */
type RenderedParts = Pick<RenderedPost, "html" | "description" | "excerptHtml" | "resources" | "resourcesHeading" | "headings">;

/** What is worked out from a rendering once, where it is made (a worker, in a cold build), then cached with it. */
export interface RenderingFacts {
  /** Words in the body (tags and code markup aside), for the reading time. */
  readonly wordCount: number;
  /**
   * A digest of the rendered parts: what later stages key their caches on, so that a
   * page or feed key does not hash the post's whole HTML again on every build.
   */
  readonly digest: string;
  /**
   * Every id in a start tag of the HTML: headings, footnotes (`user-content-fn-1`) and
   * anchors the author wrote as raw HTML (`<a id="x">`), all valid link fragments. Kept, so
   * that the fragment check does not read every post's HTML again.
   */
  readonly anchorIds: readonly string[];
  /**
   * Whether the HTML holds a formula (KaTeX's output): only then does its page link KaTeX's
   * stylesheet and does the build publish it. Kept with the rendering, so a warm build knows.
   */
  readonly math: boolean;
}

export function renderingFacts(parts: RenderedParts): RenderingFacts {
  return {
    // A formula counts as the words of its TeX, not as KaTeX's three renderings of it.
    wordCount: countWords(holdsMath(parts.html) ? formulasAsTex(parts.html) : parts.html),
    digest: createHash("sha256")
      .update(JSON.stringify([parts.html, parts.description, parts.excerptHtml ?? null, parts.resources,
        parts.resourcesHeading ?? null, parts.headings]))
      .digest("hex"),
    anchorIds: anchorIdsOf(parts.html),
    math: holdsMath(parts.html),
  };
}

/** KaTeX's outermost class, as rehype-stringify writes it. */
const holdsMath = (html: string): boolean => html.includes('<span class="katex">');

const ID_ATTRIBUTE = /<[a-zA-Z][^<>]*?\sid="([^"]*)"/g;

function anchorIdsOf(html: string): string[] {
  return [...new Set(Array.from(html.matchAll(ID_ATTRIBUTE), (match) => decodeEntities(match[1] ?? "")))];
}

function countWords(html: string): number {
  let words = 0;
  for (const chunk of html.replace(/<[^>]*>/g, " ").split(/\s+/)) if (chunk !== "") words++;
  return words;
}
