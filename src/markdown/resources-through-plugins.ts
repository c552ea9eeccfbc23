import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { unified, type PluggableList } from "unified";
import { EXIT, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import type { Resource } from "../model.js";

/** Passes a post's Resources entries through the site's rehype plugins; see resourcesThroughPlugins. */
export type ResourcesPass = (resources: readonly Resource[], file: VFile) => Resource[];

/**
 * The site's rehype plugins, run on each Resources entry's link as they ran on the body.
 * The entries leave the body as data (the theme and the feeds render them), so without
 * this a sanitiser in `rehypePlugins` never saw them and a `javascript:` link survived it.
 * What the plugins leave is what is published: the link's href and text; an entry whose
 * link lost its href (or was removed) becomes text. No plugins: the entries as they are.
 */
export function resourcesThroughPlugins(rehypePlugins: PluggableList | undefined): ResourcesPass {
  if (rehypePlugins === undefined || rehypePlugins.length === 0) return (resources) => [...resources];
  const processor = unified().use(rehypePlugins).freeze();
  return (resources, file) => resources.map((resource) => {
    if (resource.url === undefined) return resource;
    const link: Element = { type: "element", tagName: "a", properties: { href: resource.url }, children: [{ type: "text", value: resource.title }] };
    const root: Root = { type: "root", children: [link] };
    const tree = processor.runSync(root, file) as Root;
    const kept = firstLink(tree);
    const href = kept?.properties["href"];
    if (kept === undefined) return { ...resource, url: undefined };
    return { ...resource, title: toString(kept).trim() || resource.title, url: typeof href === "string" ? href : undefined };
  });
}

function firstLink(tree: Root): Element | undefined {
  let found: Element | undefined;
  visit(tree, "element", (element) => {
    if (element.tagName !== "a") return undefined;
    found = element;
    return EXIT;
  });
  return found;
}
