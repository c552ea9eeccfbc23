import type { Root } from "hast";
import { VFile } from "vfile";
import { sortDiagnostics, warning, type Diagnostic } from "../diagnostics.js";
import type { Post, RenderedPost } from "../model.js";
import { codeLanguagesOf } from "./code-languages.js";
import { createMarkdownProcessor, type UserPlugins } from "./create-markdown-processor.js";
import { cutDescription } from "./cut-description.js";
import { prepareHighlighter } from "./highlighter.js";
import type { RenderContext } from "./render-context.js";
import { createRenderState, type RenderState } from "./render-state.js";
import { splitExcerpt } from "./split-excerpt.js";
import { renderingFacts } from "./rendering-facts.js";
import { resourcesThroughPlugins } from "./resources-through-plugins.js";
import { isStackOverflow, nestsTooDeep, opensTooDeep, tooDeep } from "./nesting-depth.js";

/** Renders one post; see renderPost. */
export type PostRenderer = (post: Post, context: RenderContext) => RenderedPost;

/**
 * A renderer with its own processor, built once and frozen: it holds no per-post or
 * per-config state (everything a render depends on travels in vfile.data), so one renderer
 * serves a whole process. Functions stay out of RenderContext, which must remain
 * structured-cloneable for worker threads: a worker makes its renderer from the same plugins.
 */
export function createPostRenderer(plugins: UserPlugins = {}): PostRenderer {
  const processor = createMarkdownProcessor(plugins);
  // The Resources list leaves the body as data: the same rehype plugins (a sanitiser) see it apart.
  const passResources = resourcesThroughPlugins(plugins.rehypePlugins);
  const render: PostRenderer = (post, context) => {
    // Post.body is made from the source text at each read (see parse-post.ts): read once.
    const markdown = post.body;
    if (opensTooDeep(markdown)) return unrendered(post);
    const state = createRenderState(post.source.path, context, codeLanguagesOf(markdown), markdown);
    const file = new VFile({ value: markdown, data: { daylight: state } });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    if (nestsTooDeep(tree)) return unrendered(post);
    const { body, excerpt } = splitExcerpt(tree, post.url);
    const html = processor.stringify(body, file);
    const description = post.meta.description?.trim() || cutDescription(state.firstParagraph ?? "");
    const parts = {
      html,
      description,
      excerptHtml: excerpt && processor.stringify(excerpt, file),
      headings: state.headings,
      resources: passResources(state.resources, file),
      resourcesHeading: state.resourcesHeading,
    };
    return {
      post,
      ...parts,
      ...renderingFacts(parts),
      postLinks: state.postLinks,
      assets: [...state.assets].sort(),
      diagnostics: sortDiagnostics([...state.diagnostics, ...pluginMessages(file, state)]),
    };
  };
  // The libraries recurse per level of nesting: a post nested thousands deep overflows the
  // stack before its tree can be measured. That is the post's error, not a crash.
  return (post, context) => {
    try {
      return render(post, context);
    } catch (e) {
      if (isStackOverflow(e)) return unrendered(post);
      throw e;
    }
  };
}

/** A post too deeply nested to render: no HTML, one error. */
function unrendered(post: Post): RenderedPost {
  const parts = { html: "", description: post.meta.description?.trim() ?? "", excerptHtml: undefined, headings: [], resources: [], resourcesHeading: undefined };
  return { post, ...parts, ...renderingFacts(parts), postLinks: [], assets: [], diagnostics: [tooDeep(post.source.path, post.body)] };
}

/**
 * Loads the highlighter's grammars for every language the posts' code fences name, once
 * before rendering them: rendering itself is synchronous. Posts without code cost nothing.
 */
export async function prepareHighlighting(posts: readonly Post[]): Promise<void> {
  await prepareHighlighter(posts.flatMap((post) => [...codeLanguagesOf(post.body)]));
}

/** Messages that (user) plugins left on the file (`file.message()`), as warnings at their place. */
function pluginMessages(file: VFile, state: RenderState): Diagnostic[] {
  return file.messages.map((message) => {
    const rule = message.ruleId && /^[a-z0-9-]+$/.test(message.ruleId) ? message.ruleId : "plugin-message";
    const place = message.place && "start" in message.place ? message.place.start : message.place;
    // Like positionOf: from the offset when there is one, so that a lone "\r" does not count as a line.
    const at = place?.offset != null ? state.positionAt(place.offset)
      : message.line != null ? { line: message.line, column: message.column ?? 1 } : undefined;
    const source = message.source ? ` (${message.source})` : "";
    return warning(rule, `${message.reason}${source}`, state.file, at);
  });
}
