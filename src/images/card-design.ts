import { createHash } from "node:crypto";
import { cardFontVersion } from "./card-fonts.js";
import type { CardColors, CardDesign } from "./plan-card.js";

/** The versions of what draws a card: another satori or sharp, or another way of calling them ("drawing", bumped with such a change here), may draw other pixels. */
export const cardRenderers = "satori 0.63.2, sharp 0.35.6, drawing 3";

const fallbackColors: CardColors = { background: "#fdfdfc", text: "#1f2328", muted: "#57606a", accent: "#0b57d0" };

/**
 * The design of a site's cards: its card template's text and the light colours of the theme's
 * stylesheets (`--bg-light`, `--text-light`, `--muted-light`, `--link-light`; a later sheet,
 * custom.css, wins), digested with the fonts' and renderers' versions and what dates depend on.
 */
export function cardDesign(template: string, stylesheets: readonly string[], dates: { timezone: string; language: string }): CardDesign {
  const colors: CardColors = {
    background: lastColor(stylesheets, "bg") ?? fallbackColors.background,
    text: lastColor(stylesheets, "text") ?? fallbackColors.text,
    muted: lastColor(stylesheets, "muted") ?? fallbackColors.muted,
    accent: lastColor(stylesheets, "link") ?? fallbackColors.accent,
  };
  // The date on a card is written in the site's zone and language.
  const digest = createHash("sha256").update(JSON.stringify([template, colors, dates.timezone, dates.language, cardFontVersion(), cardRenderers])).digest("hex");
  return { colors, digest };
}

/** The last literal colour given to `--<name>-light` in the sheets. */
function lastColor(stylesheets: readonly string[], name: string): string | undefined {
  const pattern = new RegExp(`--${name}-light\\s*:\\s*(#[0-9a-fA-F]{3,8}|rgba?\\([^)]*\\))`, "g");
  let found: string | undefined;
  for (const css of stylesheets) for (const match of css.matchAll(pattern)) found = match[1];
  return found;
}
