import type { Element } from "hast";
import { variantFormats, type Variant } from "./plan-variants.js";

/**
 * `<picture>` around `img`: one `<source>` per format (AVIF first: a browser takes the first
 * type it reads), each with a `srcset` of the variants' URLs and widths, and `img` itself as
 * the fallback for browsers that read neither (its `src`, the original file, is unchanged).
 * `urlOf` gives a variant's URL (base path included).
 */
export function pictureElement(img: Element, variants: readonly Variant[], sizes: string, urlOf: (variant: Variant) => string): Element {
  const sources = variantFormats.flatMap((format): Element[] => {
    const ofFormat = variants.filter((variant) => variant.format === format);
    if (ofFormat.length === 0) return [];
    const srcSet = ofFormat.map((variant) => `${urlOf(variant)} ${variant.width}w`).join(", ");
    return [{ type: "element", tagName: "source", properties: { type: `image/${format}`, srcSet, sizes }, children: [] }];
  });
  return { type: "element", tagName: "picture", properties: {}, children: [...sources, img], position: img.position };
}
