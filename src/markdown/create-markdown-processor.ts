import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeHeadings } from "./rehype-headings.js";
import { rehypeRawIfNeeded } from "./rehype-raw-if-needed.js";
import { rehypeRawUrls } from "./rehype-raw-urls.js";
import { rehypeTableAlign } from "./rehype-table-align.js";
import { remarkCitations } from "./remark-citations.js";
import { remarkDescription } from "./remark-description.js";
import { remarkLocalUrls } from "./remark-local-urls.js";
import { remarkResources } from "./remark-resources.js";

/**
 * The frozen unified processor that renders every post. It takes no options: each plugin
 * reads the post's context from `vfile.data.daylight`, so one processor serves every post
 * and every config. Raw HTML is kept (`allowDangerousHtml`): posts are the author's own.
 */
export function createMarkdownProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    // Local URLs first, so links in the Resources list are rewritten (and checked) too.
    .use(remarkLocalUrls)
    .use(remarkResources)
    .use(remarkCitations)
    .use(remarkDescription)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawIfNeeded)
    .use(rehypeSlug)
    .use(rehypeRawUrls)
    .use(rehypeHeadings)
    .use(rehypeTableAlign)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
}

/** The processor's type. */
export type MarkdownProcessor = ReturnType<typeof createMarkdownProcessor>;
