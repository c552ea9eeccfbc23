import { createRequire } from "node:module";
import { decodeEntities } from "../text/decode-entities.js";
import { cardFonts } from "./card-fonts.js";
import { cardHeight, cardWidth } from "./plan-card.js";

// satori (layout and text to SVG paths, with the bundled fonts), satori-html and sharp (SVG to
// PNG) load with the first card to draw: a build whose cards are all cached loads none.
const require = createRequire(import.meta.url);
type Tools = { satori: typeof import("satori").default; toNodes: typeof import("satori-html").html; sharp: typeof import("sharp").default };
let tools: Tools | undefined;
let drawn = 0;

const loadTools = (): Tools => (tools ??= {
  satori: (require("satori") as typeof import("satori")).default,
  toNodes: (require("satori-html") as typeof import("satori-html")).html,
  sharp: require("sharp") as typeof import("sharp").default,
});

/**
 * How hard zlib works on a card's PNG. Measured on a 1200×630 card (CPU per card, median):
 * level 9 took 31–37 ms for 46 KB, level 6 (zlib's default) 6 ms for 59 KB, level 3 5 ms for
 * 67 KB. 9 was most of a card's cost for a fifth fewer bytes; a palette PNG was smaller
 * still but took 140–180 ms (quantising).
 */
export const cardCompression = 6;

/**
 * The SVG of a card whose markup is `html` (the card template's output: HTML and inline CSS
 * as satori reads it, flexbox layout), 1200×630. Text becomes paths drawn in the bundled
 * fonts, so the picture does not depend on the fonts of the machine that builds. Runs on
 * this thread (about 11 ms of CPU a card).
 */
export async function cardSvg(html: string): Promise<string> {
  const { satori, toNodes } = loadTools();
  drawn++;
  const nodes = decodeTexts(toNodes(html)) as Parameters<typeof satori>[0];
  // The same fonts array every time: satori keeps its parsed fonts by it.
  return satori(nodes, { width: cardWidth, height: cardHeight, fonts: cardFonts() });
}

/** The PNG of a card's SVG: rasterised and encoded by sharp on libuv's threads, not this one. */
export function cardPng(svg: string): Promise<Buffer> {
  return loadTools().sharp(Buffer.from(svg)).png({ compressionLevel: cardCompression }).toBuffer();
}

/** The PNG of a card whose markup is `html` (cardSvg, then cardPng). */
export async function renderCard(html: string): Promise<Buffer> {
  return cardPng(await cardSvg(html));
}

/**
 * satori-html leaves character references in text as written: the template escapes the
 * title (`&lt;`, `&#34;`), and the card must show `<` and `"`.
 */
function decodeTexts(node: unknown): unknown {
  if (typeof node === "string") return decodeEntities(node);
  if (Array.isArray(node)) return node.map(decodeTexts);
  if (typeof node !== "object" || node === null || !("props" in node)) return node;
  const { props } = node as { props: { children?: unknown } };
  return { ...node, props: { ...props, children: decodeTexts(props.children) } };
}

/** Counts `count` cards drawn by card threads for this process (they have their own count). */
export const noteDrawnInThreads = (count: number): void => void (drawn += count);

/** How many cards this process has drawn, here or in its card threads (for tests: a warm build draws none). */
export const drawnCards = (): number => drawn;
