const named: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The readable text of an HTML fragment made by the markdown pipeline: tags dropped (a
 * block's end is a space, so words of two paragraphs do not run together), entities decoded,
 * white space collapsed. Not a general HTML parser: the pipeline's output is regular.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|pre|blockquote|tr|td|th|table|thead|tbody|section|figure|figcaption|dt|dd|dl|br|hr)\b[^>]*>/gi, " ")
      .replace(/<[^>]*>/g, ""),
  ).replace(/\s+/g, " ").trim();
}

/** `&amp;`, `&#x3C;`, `&#60;` and the few named entities the pipeline writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body.toLowerCase()] ?? whole;
  });
}
