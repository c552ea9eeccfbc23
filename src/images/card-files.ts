import { error, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import type { Card } from "./plan-card.js";
import { diskVariantCache, memoryVariantCache } from "./variant-cache.js";

/** The card template's output for one card, or what stopped it. */
export type CardMarkup = (card: Card) => { html: string | undefined; diagnostics: readonly Diagnostic[] };

/**
 * The PNG of every card: from the cache folder's `cards/` (or this process, without one) when
 * it holds it, else drawn (renderCard, whose packages load only then). One at a time: satori
 * lays out on the main thread.
 */
export async function cardFiles(cards: readonly Card[], markup: CardMarkup, cacheDir: string | undefined): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const cache = cacheDir === undefined ? memoryVariantCache("cards") : diskVariantCache(cacheDir, "cards");
  const unique = [...new Map(cards.map((card) => [card.path, card])).values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const card of unique) {
    const found = await cache.find(card);
    if (found) {
      files.push(found);
      continue;
    }
    const made = markup(card);
    diagnostics.push(...made.diagnostics);
    if (made.html === undefined) continue;
    const { renderCard } = await import("./render-card.js");
    const png = await renderCard(made.html).catch((e: unknown) => {
      diagnostics.push(undrawable(card, e));
      return undefined;
    });
    if (png !== undefined) files.push(await cache.keep(card, png));
  }
  if (unique.length > 0 || cacheDir === undefined) await cache.keepOnly(new Set(unique.map((card) => card.id)));
  return { files, diagnostics };
}

function undrawable(card: Card, e: unknown): Diagnostic {
  const why = e instanceof Error ? e.message : String(e);
  return error("template-error", `the social card of “${card.data.title}” could not be drawn: ${why}`, "templates/og-card.liquid", undefined,
    "the card template's HTML is drawn by satori: every element with more than one child needs display: flex");
}
