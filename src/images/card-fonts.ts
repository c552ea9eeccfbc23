import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A font as satori takes it. */
export interface CardFont {
  readonly name: string;
  readonly data: Buffer;
  readonly weight: 400 | 700;
  readonly style: "normal";
}

// Inter (SIL Open Font License 1.1, @fontsource/inter): every subset it ships, in the two
// weights the card uses. Its scripts are the ones a card can write; see coversText.
const subsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"];
const require = createRequire(import.meta.url);
const packageDir = () => path.dirname(require.resolve("@fontsource/inter/package.json"));

let fonts: CardFont[] | undefined;

/** The bundled fonts, read on first use (a build that makes no card never reads them). */
export function cardFonts(): CardFont[] {
  // One name per subset: satori keeps one font per name and weight, and looks for a glyph
  // the first lacks in the fonts that follow.
  fonts ??= subsets.flatMap((subset) => ([400, 700] as const).map((weight): CardFont => ({
    name: subset === "latin" ? "Inter" : `Inter ${subset}`,
    data: readFileSync(path.join(packageDir(), "files", `inter-${subset}-${weight}-normal.woff`)),
    weight,
    style: "normal",
  })));
  return fonts;
}

/** The version of the bundled fonts: a new one may draw other pixels, so it names other cards. */
export const cardFontVersion = (): string => (require("@fontsource/inter/package.json") as { version: string }).version;

let ranges: Array<readonly [number, number]> | undefined;

/**
 * Whether the bundled fonts have a glyph for every character of `text` that needs one:
 * Latin, Greek, Cyrillic and Vietnamese do; CJK, Arabic, Hebrew, Devanagari and emoji do not
 * (a card never shows "missing glyph" boxes: it writes the site's name instead).
 */
export function coversText(text: string): boolean {
  ranges ??= subsets.flatMap((subset) => unicodeRanges((require("@fontsource/inter/unicode.json") as Record<string, string>)[subset] ?? ""));
  const known = ranges;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || /\s/u.test(char)) continue;
    if (!known.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
}

/** `U+0000-00FF,U+0131` as [from, to] pairs. */
function unicodeRanges(list: string): Array<readonly [number, number]> {
  return list.split(",").flatMap((part) => {
    const match = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!match) return [];
    const from = Number.parseInt(match[1]!, 16);
    return [[from, match[2] === undefined ? from : Number.parseInt(match[2], 16)] as const];
  });
}
