import type { Post, RenderedPost } from "../model.js";
import { createPostRenderer } from "./create-post-renderer.js";
import type { RenderContext } from "./render-context.js";

/**
 * Renders a post's body to HTML with its excerpt, resources, headings, post links, used
 * assets and diagnostics, without user plugins. Pure: the same post and context give the
 * same result; the body is parsed once. The languages of its code fences must have been
 * prepared (prepareHighlighting) first.
 */
export const renderPost: (post: Post, context: RenderContext) => RenderedPost = createPostRenderer();
