import type { Element, ElementContent, Parents } from "hast";
import rehypeAutolinkHeadings, { type Options } from "rehype-autolink-headings";

/**
 * rehype-autolink-headings as daylight uses it (after rehype-slug and rehypeHeadings, so the
 * collected heading texts stay clean): a `#` link appended inside each heading,
 * `<a class="heading-anchor" href="#id" aria-label="Link to this section"><span aria-hidden="true">#</span></a>`.
 * The label names the link for screen readers; the `#` itself is decoration. The generated
 * footnotes label is not the author's heading and gets none.
 */
export const headingAnchors = [rehypeAutolinkHeadings, anchorOptions()] as const;

function anchorOptions(): Options {
  const hash: ElementContent = {
    type: "element",
    tagName: "span",
    properties: { ariaHidden: "true" },
    children: [{ type: "text", value: "#" }],
  };
  return {
    behavior: "append",
    properties: { className: ["heading-anchor"], ariaLabel: "Link to this section" },
    content: hash,
    test: (_element: Element, _index?: number, parent?: Parents) =>
      !(parent?.type === "element" && parent.properties["dataFootnotes"] !== undefined),
  };
}
