import { decodeEntities } from "../../text/decode-entities.js";
import { formulasAsTex } from "../../text/formulas-as-tex.js";

/**
 * The readable text of an HTML fragment made by the markdown pipeline: tags dropped (a
 * block's end is a space, so words of two paragraphs do not run together), formulas as their
 * TeX, entities decoded,
 * white space collapsed. Not a general HTML parser: the pipeline's output is regular.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    // A formula is found by its TeX.
    formulasAsTex(html)
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|pre|blockquote|tr|td|th|table|thead|tbody|section|figure|figcaption|dt|dd|dl|br|hr)\b[^>]*>/gi, " ")
      .replace(/<[^>]*>/g, ""),
  ).replace(/\s+/g, " ").trim();
}
