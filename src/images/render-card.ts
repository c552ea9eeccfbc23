import { createRequire } from "node:module";
import { decodeEntities } from "../text/decode-entities.js";
import { cardFonts } from "./card-fonts.js";
import { cardHeight, cardWidth } from "./plan-card.js";

// satori (layout and text to SVG paths, with the bundled fonts), satori-html and sharp (SVG to
// PNG) load with the first card to draw: a build whose cards are all cached loads none.
const require = createRequire(import.meta.url);
let tools: { satori: typeof import("satori").default; toNodes: typeof import("satori-html").html; sharp: typeof import("sharp").default } | undefined;
let drawn = 0;

/**
 * The PNG of a card whose markup is `html` (the card template's output: HTML and inline CSS
 * as satori reads it, flexbox layout), 1200×630. Text becomes paths drawn in the bundled
 * fonts, so the picture does not depend on the fonts of the machine that builds.
 */
export async function renderCard(html: string): Promise<Buffer> {
  tools ??= {
    satori: (require("satori") as typeof import("satori")).default,
    toNodes: (require("satori-html") as typeof import("satori-html")).html,
    sharp: require("sharp") as typeof import("sharp").default,
  };
  drawn++;
  const nodes = decodeTexts(tools.toNodes(html)) as Parameters<typeof tools.satori>[0];
  const svg = await tools.satori(nodes, { width: cardWidth, height: cardHeight, fonts: [...cardFonts()] });
  return tools.sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
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

/** How many cards this process has drawn (for tests: a warm build draws none). */
export const drawnCards = (): number => drawn;
