import { spanEnd } from "../../text/formulas-as-tex.js";

const htmlPart = '<span class="katex-html" aria-hidden="true">';

/**
 * A body's HTML for feeds: each formula as its MathML only. A feed reader loads no stylesheet,
 * and KaTeX's HTML without its CSS reads as a jumble beside the MathML; the MathML (with the
 * TeX source as its annotation) is what readers and screen readers can show.
 */
export function mathForFeeds(html: string): string {
  let out = "";
  let done = 0;
  for (let start = html.indexOf(htmlPart); start !== -1; start = html.indexOf(htmlPart, done)) {
    out += html.slice(done, start);
    done = spanEnd(html, start);
  }
  return out + html.slice(done);
}
