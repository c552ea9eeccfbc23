import type { Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Rehype plugin: every `<img>` of the body loads lazily and decodes off the main thread
 * (`loading="lazy"`, `decoding="async"`), unless the author chose otherwise in raw HTML
 * (`loading="eager"` for a picture at the top of the page).
 */
export function rehypeLazyImages() {
  return (tree: Root): undefined => {
    visit(tree, "element", (element) => {
      if (element.tagName !== "img") return;
      element.properties["loading"] ??= "lazy";
      element.properties["decoding"] ??= "async";
    });
  };
}
