import type { Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Rehype plugin: GFM column alignment arrives as the `align` attribute, which HTML5 made
 * obsolete (the Nu Html Checker rejects it); the same alignment as an inline style is valid.
 */
export function rehypeTableAlign() {
  return (tree: Root): undefined => {
    visit(tree, "element", (element) => {
      if (element.tagName !== "td" && element.tagName !== "th") return;
      const align = element.properties["align"];
      if (typeof align !== "string") return;
      delete element.properties["align"];
      const style = element.properties["style"];
      element.properties["style"] = `text-align: ${align}${typeof style === "string" && style ? `; ${style}` : ""}`;
    });
  };
}
