import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { listItemOnce } from "./list-item-once.js";
import { unified, type PluggableList } from "unified";
import { headingAnchors } from "./heading-anchors.js";
import { rehypeHeadings } from "./rehype-headings.js";
import { rehypeHighlightCode } from "./rehype-highlight-code.js";
import { rehypeLazyImages } from "./rehype-lazy-images.js";
import { rehypeRawIfNeeded } from "./rehype-raw-if-needed.js";
import { rehypeRawUrls } from "./rehype-raw-urls.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { remarkCitations } from "./remark-citations.js";
import { remarkDescription } from "./remark-description.js";
import { remarkLocalUrls } from "./remark-local-urls.js";
import { remarkGfmWhereUsed } from "./gfm-where-used.js";
import { remarkParseInPieces } from "./parse-in-pieces.js";
import { rehypeMath } from "./math-render.js";
import { rehypePictures } from "./rehype-pictures.js";
import { remarkMathWhereUsed } from "./math-where-used.js";
import { remarkResources } from "./remark-resources.js";

/** unified plugins a site adds (site.config.mjs `remarkPlugins` / `rehypePlugins`). */
export interface UserPlugins {
  readonly remarkPlugins?: PluggableList | undefined;
  readonly rehypePlugins?: PluggableList | undefined;
}

/**
 * The frozen unified processor that renders posts. daylight's own plugins take no options:
 * each reads the post's context from `vfile.data.daylight`, so one processor serves every
 * post and every config. Raw HTML is kept (`allowDangerousHtml`): posts are the author's own.
 *
 * The order, which the README documents for plugin authors:
 *   remark-parse → remark-gfm (each extension only where its syntax appears) → (big posts parsed in pieces)
 *   → math syntax (only in sources with a `$`) → user remarkPlugins (they see the Markdown as written)
 *   → local URLs and image sizes → resources → citations → description
 *   → remark-rehype → rehype-raw (only when the post has raw HTML) → rehype-slug
 *   → raw-HTML URLs and image sizes → headings → table alignment → pictures → lazy images
 *   → KaTeX (formulas) → Shiki → heading anchors → user rehypePlugins (they see the finished HTML tree)
 *   → rehype-stringify.
 * User plugins run synchronously (renderPost is synchronous): an async transformer fails.
 */
export function createMarkdownProcessor(plugins: UserPlugins = {}) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Each source is parsed with only the GFM extensions whose syntax it holds: the same tree, sooner.
    .use(remarkGfmWhereUsed)
    // Big posts are parsed in pieces, in linear time and memory, into the same tree.
    .use(remarkParseInPieces)
    // `$…$` and `$$…$$` only in sources with a `$`: the others never load the math syntax or KaTeX.
    .use(remarkMathWhereUsed)
    .use(plugins.remarkPlugins ?? [])
    // Local URLs first, so links in the Resources list are rewritten (and checked) too.
    .use(remarkLocalUrls)
    .use(remarkResources)
    .use(remarkCitations)
    .use(remarkDescription)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { listItem: listItemOnce() } })
    .use(rehypeRawIfNeeded)
    .use(rehypeSlug)
    .use(rehypeRawUrls)
    // Headings are collected before the anchors are added, so their texts have no "#".
    .use(rehypeHeadings)
    .use(rehypeTableAlign)
    .use(rehypePictures)
    .use(rehypeLazyImages)
    // After the headings (their ids and texts come from the TeX) and before Shiki.
    .use(rehypeMath)
    .use(rehypeHighlightCode)
    .use(...headingAnchors)
    .use(plugins.rehypePlugins ?? [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
}
