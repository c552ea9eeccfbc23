import { error, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import type { Card } from "./plan-card.js";
import { cardThreadCount, drawInThreads } from "./card-threads.js";
import { diskVariantCache, memoryVariantCache } from "./variant-cache.js";

/** The card template's output for one card, or what stopped it. */
export type CardMarkup = (card: Card) => { html: string | undefined; diagnostics: readonly Diagnostic[] };

/**
 * Cards rasterised at once. sharp rasterises and encodes on libuv's threads while satori lays
 * out the next cards on this one: two at a time kept a 2-core machine busy (a card's CPU is
 * about half satori's, half sharp's); more only queue.
 */
const RASTERS_AT_ONCE = 2;

/**
 * The PNG of every card: from the cache folder's `cards/` (or this process, without one) when
 * it holds it, else drawn (cardSvg then cardPng, whose packages load only then). Files and
 * diagnostics come in the cards' order, whichever card finished first.
 */
export async function cardFiles(
  cards: readonly Card[],
  markup: CardMarkup,
  cacheDir: string | undefined,
  threads?: number,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const cache = cacheDir === undefined ? memoryVariantCache("cards") : diskVariantCache(cacheDir, "cards");
  const unique = [...new Map(cards.map((card) => [card.path, card])).values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const found = unique.map((card) => cache.find(card));
  const missing = unique.filter((_, i) => found[i] === undefined);
  const inThreads = threads ?? cardThreadCount(missing.length);
  // Nothing awaited before the threads have their cards: the caller assembles the site meanwhile.
  const drawing = missing.length === 0 ? Promise.resolve([]) : inThreads > 0 ? drawCardsInThreads(missing, markup, cache.keep, inThreads) : drawCards(missing, markup, cache.keep);
  const drawn = await drawing;
  if (unique.length > 0 || cacheDir === undefined) await cache.keepOnly(new Set(unique.map((card) => card.id)));
  const files = [...found.filter((file) => file !== undefined), ...drawn.flatMap((card) => card.file ?? [])];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics: drawn.flatMap((card) => card.diagnostics) };
}

type Drawn = { file?: OutputFile; diagnostics: readonly Diagnostic[] };

/** Draws `cards`: satori here, one card after another, while sharp makes the PNGs of the last ones. */
async function drawCards(cards: readonly Card[], markup: CardMarkup, keep: (card: Card, png: Uint8Array) => Promise<OutputFile>): Promise<Drawn[]> {
  const { cardSvg, cardPng } = await import("./render-card.js");
  const rastering = new Set<Promise<void>>();
  const results: Array<Promise<Drawn>> = [];
  for (const card of cards) {
    const made = markup(card);
    if (made.html === undefined) {
      results.push(Promise.resolve({ diagnostics: made.diagnostics }));
      continue;
    }
    const svg = await cardSvg(made.html).then((text) => ({ text }), (e: unknown) => ({ failure: e }));
    const result: Promise<Drawn> = "failure" in svg
      ? Promise.resolve({ diagnostics: [...made.diagnostics, undrawable(card, svg.failure)] })
      : cardPng(svg.text).then(async (png) => ({ file: await keep(card, png), diagnostics: made.diagnostics }),
        (e: unknown) => ({ diagnostics: [...made.diagnostics, undrawable(card, e)] }));
    results.push(result);
    const done = (): void => void rastering.delete(settled);
    const settled: Promise<void> = result.then(done, done);
    rastering.add(settled);
    if (rastering.size >= RASTERS_AT_ONCE) await Promise.race(rastering);
  }
  return Promise.all(results);
}

/**
 * Draws `cards` in card threads (card-threads.ts): their markup here (the templates live on
 * this thread), satori and sharp there, so that satori lays out on every core, and while this
 * thread assembles the site.
 */
async function drawCardsInThreads(cards: readonly Card[], markup: CardMarkup, keep: (card: Card, png: Uint8Array) => Promise<OutputFile>, threads: number): Promise<Drawn[]> {
  const made = cards.map((card) => ({ card, ...markup(card) }));
  const drawable = made.filter((item): item is typeof item & { html: string } => item.html !== undefined);
  const results = new Map<Card, Promise<Drawn>>();
  let count = 0;
  // Every card is handed over now, before the first await (see cardFiles); each is kept as it comes.
  await drawInThreads(drawable.map((item) => item.html), threads, (i, png) => {
    const { card, diagnostics } = drawable[i]!;
    if (!(png instanceof Error)) count++;
    const result = png instanceof Error ? Promise.resolve({ diagnostics: [...diagnostics, undrawable(card, png)] })
      : keep(card, png).then((file) => ({ file, diagnostics }));
    result.catch(() => undefined); // a failed write is thrown by Promise.all below, not left unhandled meanwhile
    results.set(card, result);
  });
  (await import("./render-card.js")).noteDrawnInThreads(count);
  return Promise.all(made.map(({ card, diagnostics }) => results.get(card) ?? { diagnostics }));
}

function undrawable(card: Card, e: unknown): Diagnostic {
  const why = e instanceof Error ? e.message : String(e);
  return error("template-error", `the social card of “${card.data.title}” could not be drawn: ${why}`, "templates/og-card.liquid", undefined,
    "the card template's HTML is drawn by satori: every element with more than one child needs display: flex");
}
