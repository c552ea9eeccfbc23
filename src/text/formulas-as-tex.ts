const formula = '<span class="katex">';
const annotation = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;
const span = /<span[\s>]|<\/span>/g;

/**
 * HTML with each formula (KaTeX's output, which holds it three times: as MathML, as its TeX
 * annotation and as laid-out spans) as its TeX source alone, set off by spaces: what the
 * search index and the word count read of a formula.
 */
export function formulasAsTex(html: string): string {
  let out = "";
  let done = 0;
  for (let start = html.indexOf(formula); start !== -1; start = html.indexOf(formula, done)) {
    const end = spanEnd(html, start);
    out += `${html.slice(done, start)} ${annotation.exec(html.slice(start, end))?.[1] ?? ""} `;
    done = end;
  }
  return out + html.slice(done);
}

/** The offset just past the `</span>` that closes the span opened at `start` (KaTeX's spans all close). */
export function spanEnd(html: string, start: number): number {
  const pattern = new RegExp(span.source, "g");
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m !== null; m = pattern.exec(html)) {
    depth += m[0] === "</span>" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}
