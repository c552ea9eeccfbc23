import { VFile } from "vfile";
import { sortDiagnostics } from "../diagnostics.js";
import type { Post, RenderedPost } from "../model.js";
import { createMarkdownProcessor } from "./create-markdown-processor.js";
import { cutDescription } from "./cut-description.js";
import type { RenderContext } from "./render-context.js";
import { createRenderState } from "./render-state.js";

// Built once per module (so once per worker thread) and frozen: it holds no per-post or
// per-config state, everything a render depends on is passed in vfile.data. If config ever
// adds user plugins, key a WeakMap<SiteConfig, processor> on the config object instead.
const processor = createMarkdownProcessor();

/**
 * Renders a post's body to HTML with its resources, headings, post links, used assets and
 * diagnostics. Pure: the same post and context give the same result; the body is parsed once.
 */
export function renderPost(post: Post, context: RenderContext): RenderedPost {
  const state = createRenderState(post.source.path, context);
  const file = new VFile({ value: post.body, data: { daylight: state } });
  const mdast = processor.parse(file);
  const hast = processor.runSync(mdast, file);
  const html = processor.stringify(hast, file);
  const description = post.meta.description?.trim() || cutDescription(state.firstParagraph ?? "");
  return {
    post,
    html,
    description,
    excerptHtml: undefined,
    headings: state.headings,
    resources: state.resources,
    resourcesHeading: state.resourcesHeading,
    postLinks: state.postLinks,
    assets: [...state.assets].sort(),
    diagnostics: sortDiagnostics(state.diagnostics),
  };
}
