/** A URL found in a file, with the character offset where it starts (for line and column). */
export interface Reference {
  readonly url: string;
  readonly offset: number;
  /** Only absolute `http(s)` URLs count (feeds, sitemaps, `<meta content>`): a guid or an id may be any string. */
  readonly absoluteOnly?: boolean;
}

const named: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references that appear in URLs (`&amp;`, `&#39;`, `&#x2F;`); others stay as written. */
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
