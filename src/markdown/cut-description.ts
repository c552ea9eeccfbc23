/**
 * `text` with whitespace collapsed, cut on a word boundary at about `max` characters with
 * "…" appended when it was cut.
 */
export function cutDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  const space = head.lastIndexOf(" ");
  // One very long word: cut inside it, but never between the halves of a surrogate pair.
  const hardCut = /[\uD800-\uDBFF]/.test(clean.charAt(max - 1)) ? max - 1 : max;
  const cut = space > max / 2 ? head.slice(0, space) : clean.slice(0, hardCut);
  return cut.replace(/[\s,;:.\-–—]+$/u, "") + "…";
}
