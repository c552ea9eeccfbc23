import type { Root } from "hast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import type { AssetInfo } from "../model.js";
import { pictureElement } from "../images/picture-element.js";
import { planVariants, type Variant } from "../images/plan-variants.js";
import { renderStateOf, type RenderState } from "./render-state.js";

/**
 * Rehype plugin, before lazy images: each `<img>` of a local raster image (from Markdown or
 * raw HTML) becomes a `<picture>` with AVIF and WebP variants (images/plan-variants.ts),
 * unless the config says `images: false`, the author gave it a `srcset`, or it is already in
 * a `<picture>`. The first image of the post, when it becomes a picture, loads eagerly: it is
 * likely the largest thing the reader sees first. The variants are only named here; the build
 * makes them (images/variant-files.ts).
 */
export function rehypePictures() {
  return (tree: Root, file: VFile): undefined => {
    const state = renderStateOf(file);
    const settings = state.context.config.images;
    if (settings === false || state.assets.size === 0) return;
    const images = imagesByUrl(state);
    if (images.size === 0) return;
    let first = true;
    visit(tree, "element", (element, index, parent) => {
      if (element.tagName === "picture") return SKIP;
      if (element.tagName !== "img" || parent === undefined || index === undefined) return;
      const wasFirst = first;
      first = false;
      const image = typeof element.properties["src"] === "string" ? images.get(element.properties["src"]) : undefined;
      if (image === undefined || element.properties["srcSet"] !== undefined) return;
      const variants = planVariants(image.key, image.info, settings);
      if (variants.length === 0) return;
      if (wasFirst) element.properties["loading"] ??= "eager";
      const urlOf = (variant: Variant) => state.context.config.basePath + variant.path;
      parent.children[index] = pictureElement(element, variants, settings.sizes, urlOf);
      return SKIP;
    });
  };
}

/** The raster images this post uses, by the URL their `<img>` now has. */
function imagesByUrl(state: RenderState): Map<string, { key: string; info: AssetInfo }> {
  const images = new Map<string, { key: string; info: AssetInfo }>();
  for (const key of state.assets) {
    const info = state.context.assets.get(key);
    if (info?.digest !== undefined) images.set(info.url, { key, info });
  }
  return images;
}
