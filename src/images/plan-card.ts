import { createHash } from "node:crypto";
import type { PostKind } from "../model.js";
import { coversText } from "./card-fonts.js";

/** The size Open Graph and Twitter's large card show best. */
export const cardWidth = 1200;
export const cardHeight = 630;

/** The theme's colours a card is drawn in: its light scheme's. */
export interface CardColors {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
}

/** Everything of the theme and the tools that decides how cards look. */
export interface CardDesign {
  readonly colors: CardColors;
  /** A digest of the card template, the colours, the fonts and the renderers' versions. */
  readonly digest: string;
}

/** What a card is made of: one post or page. */
export interface CardSubject {
  readonly kind: PostKind;
  readonly slug: string;
  readonly title: string;
  readonly published: Date | null;
}

/** A social card: where it is published and what its template is given. */
export interface Card {
  /** `assets/cards/<slug>.<8 hex>.png`: the hash is of everything that makes its pixels. */
  readonly path: string;
  /** The full SHA-256 (hex) of those inputs: its name in the build cache. */
  readonly id: string;
  readonly format: "png";
  readonly alt: string;
  /** `card` in the template's data. */
  readonly data: {
    readonly kind: PostKind;
    readonly title: string;
    readonly site: string;
    readonly date: Date | null;
    readonly colors: CardColors;
  };
}

/**
 * The card of `subject` on the site titled `site`: a pure function, so that the page's head
 * (assembly) and the build (which draws it) name the same file. A title the bundled fonts
 * cannot write is replaced by the site's title on the card (the alt text keeps it).
 */
export function planCard(subject: CardSubject, site: string, design: CardDesign): Card {
  const title = coversText(subject.title) ? subject.title : site;
  const data = { kind: subject.kind, title, site, date: subject.published, colors: design.colors };
  const id = createHash("sha256")
    .update(JSON.stringify([design.digest, subject.kind, title, site, subject.published?.toISOString() ?? null]))
    .digest("hex");
  return { path: `assets/cards/${subject.slug}.${id.slice(0, 8)}.png`, id, format: "png", alt: `${subject.title} · ${site}`, data };
}
