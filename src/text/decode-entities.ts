const named: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Decodes the character references that HTML made by daylight's pipeline (and the URLs in
 * it) holds: `&amp;`, `&#39;`, `&#x2F;` and the few named ones above. Others, and numbers
 * that are no character, stay as written. Not a general HTML decoder: parse5 is, at a cost
 * none of its callers (the output check, absolute URLs in feeds, rendering facts, the
 * search index) needs to pay.
 */
export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body] ?? whole;
  });
}
