const htmlPart = '<span class="katex-html" aria-hidden="true">';
const span = /<span[\s>]|<\/span>/g;

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
    done = endOfSpan(html, start);
  }
  return out + html.slice(done);
}

/** The offset just past the `</span>` that closes the span opened at `start` (KaTeX's spans all close). */
function endOfSpan(html: string, start: number): number {
  const pattern = new RegExp(span.source, "g");
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m !== null; m = pattern.exec(html)) {
    depth += m[0] === "</span>" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}
