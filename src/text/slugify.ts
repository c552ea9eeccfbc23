import transliterate from "slugify";

/**
 * Makes a slug from any text, transliterated to ASCII (`über café` → `uber-cafe`).
 * Empty when nothing is left (`日本語`).
 */
export function slugify(text: string): string {
  // slugify drops `_`, `/` and `.` outright; they separate words in file names and titles.
  const spaced = text.replace(/[\s_/\\.]+/g, "-");
  return transliterate(spaced, { lower: true, strict: true })
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
}
