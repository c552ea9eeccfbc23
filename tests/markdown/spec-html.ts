import type { Element, ElementContent, Root, RootContent } from "hast";
import { toString } from "hast-util-to-string";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { EXIT, visit } from "unist-util-visit";
import { VFile } from "vfile";

/**
 * Plain unified with the same libraries and options daylight's pipeline declares
 * (create-markdown-processor.ts): remark-parse, remark-gfm, remark-rehype with raw HTML
 * kept, rehype-raw, rehype-stringify. daylight runs rehype-raw only on a tree with raw HTML
 * (it is not a no-op on others: parse5 drops a code block's leading blank line): so here.
 */
const plain = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rawIfNeeded)
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

function rawIfNeeded() {
  const raw = rehypeRaw();
  return (tree: Root): Root | undefined => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? (raw(tree, new VFile()) as Root) : undefined;
  };
}

/** `markdown` as plain unified renders it. */
export const renderPlain = (markdown: string): string => String(plain.processSync(markdown));

const stringify = unified().use(rehypeStringify).freeze();
const parseRaw = rehypeRaw();

/** HTML parsed as the HTML standard says (parse5, through rehype-raw): one tree for any spelling. */
function parseHtml(html: string): Root {
  return parseRaw({ type: "root", children: [{ type: "raw", value: html }] }, new VFile()) as Root;
}

/**
 * HTML in one canonical spelling, as CommonMark's own test suite compares it: parsed, so
 * character references, quoting and `<br />` do not count; attributes in name order;
 * whitespace runs outside `<pre>` as one space, and none at the edges of block elements.
 * `transform` may change the tree first (to undo daylight's documented additions).
 */
export function normalizeHtml(html: string, transform?: (tree: Root) => void): string {
  const tree = parseHtml(html);
  transform?.(tree);
  normalizeChildren(tree);
  return stringify.stringify(tree).trim();
}

const blocks = new Set(("address article aside blockquote body dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 " +
  "header hr html li main nav ol p pre section table tbody td tfoot th thead tr ul").split(" "));

function normalizeChildren(parent: Root | Element): void {
  const kept: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === "element") {
      child.properties = Object.fromEntries(Object.entries(child.properties).sort(([a], [b]) => a.localeCompare(b)));
      if (child.tagName !== "pre") normalizeChildren(child);
    } else if (child.type === "text") child.value = child.value.replace(/\s+/g, " ");
    kept.push(child);
  }
  trimAtBlockEdges(kept, parent.type === "root" || blocks.has(parent.tagName));
  parent.children = kept.filter((c) => c.type !== "text" || c.value !== "") as ElementContent[];
}

/** Spaces next to a block element's edge or to a block child are not rendered: removed. */
function trimAtBlockEdges(children: RootContent[], isBlock: boolean): void {
  children.forEach((child, i) => {
    if (child.type !== "text") return;
    const before = children[i - 1];
    const after = children[i + 1];
    if ((before === undefined && isBlock) || (before?.type === "element" && blocks.has(before.tagName))) child.value = child.value.trimStart();
    if ((after === undefined && isBlock) || (after?.type === "element" && blocks.has(after.tagName))) child.value = child.value.trimEnd();
  });
}

/**
 * Undoes what daylight documents that it adds to Markdown's HTML (README, "Writing posts"):
 * heading ids (rehype-slug) and `#` anchors, Shiki's highlighting markup, `loading` and
 * `decoding` on images, table alignment as a style instead of the obsolete `align`. Task
 * list items keep remark-gfm's own classes in daylight, so there is nothing to undo there.
 */
export function withoutDaylightAdditions(tree: Root): void {
  visitElements(tree, (element, parent, index) => {
    if (/^h[1-6]$/.test(element.tagName)) {
      delete element.properties["id"];
      element.children = element.children.filter((c) => !(c.type === "element" && hasClass(c, "heading-anchor")));
    } else if (element.tagName === "pre" && hasClass(element, "shiki")) {
      const code = element.children.find((c): c is Element => c.type === "element");
      const language = code?.properties["className"];
      parent.children[index] = { type: "element", tagName: "pre", properties: {}, children: [
        { type: "element", tagName: "code", properties: { className: language }, children: [{ type: "text", value: code ? toString(code) : "" }] },
      ] };
    } else if (element.tagName === "img") {
      delete element.properties["loading"];
      delete element.properties["decoding"];
    } else if ((element.tagName === "td" || element.tagName === "th") && typeof element.properties["style"] === "string") {
      const align = /^text-align: (left|center|right)$/.exec(element.properties["style"])?.[1];
      if (align) {
        delete element.properties["style"];
        element.properties["align"] = align;
      }
    }
  });
}

function visitElements(parent: Root | Element, visit: (element: Element, parent: Root | Element, index: number) => void): void {
  parent.children.forEach((child, i) => {
    if (child.type !== "element") return;
    visit(child, parent, i);
    const now = parent.children[i];
    if (now?.type === "element") visitElements(now, visit);
  });
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties["className"];
  return Array.isArray(classes) && classes.includes(name);
}
