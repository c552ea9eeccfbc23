import type { Diagnostic } from "../diagnostics.js";
import type { SiteConfig } from "../config/site-config.js";
import type { OutputFile, Rendering } from "../model.js";
import { cardFiles } from "./card-files.js";
import { planCard, type CardDesign } from "./plan-card.js";

/** Renders a template of the theme by name: the build's template renderer. */
interface Templates {
  render(name: string, data: object): { html: string | undefined; diagnostics: readonly Diagnostic[] };
}

/**
 * The social card of every post and page without an `image`, when the site makes cards: the
 * very cards their heads name (planCard, from the same fields), drawn from the theme's
 * `og-card.liquid` unless the cache holds them. Nothing without a site URL (no absolute og:image).
 * `threads`: card threads to draw in (0: on this thread); undefined: by how many cards are missing.
 */
export async function socialCards(
  rendered: readonly Rendering[],
  config: SiteConfig,
  design: CardDesign | undefined,
  templates: Templates,
  cacheDir: string | undefined,
  threads?: number,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  if (design === undefined || config.url === undefined) return { files: [], diagnostics: [] };
  const cards = rendered.filter(({ post }) => post.meta.image === undefined).map(({ post }) =>
    planCard({ kind: post.kind, slug: post.meta.slug, title: post.meta.title, published: post.meta.published ?? null }, config.title, design));
  return cardFiles(cards, (card) => templates.render("og-card", { card: card.data }), cacheDir, threads);
}
