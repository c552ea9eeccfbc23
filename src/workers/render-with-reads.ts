import type { RenderContext } from "../markdown/render-context.js";
import type { PostRenderer } from "../markdown/create-post-renderer.js";
import { recordingMap } from "../cache/recording-map.js";
import type { RenderCache } from "../cache/render-cache.js";
import type { KeyedRenderer } from "../markdown/keyed-renderer.js";
import type { Post, RenderedPost } from "../model.js";
import type { RenderOutcome } from "../cache/render-outcome.js";
import { withinBudget } from "./render-budget.js";

/**
 * Renders a post while recording which LinkIndex and AssetIndex entries the render read.
 * Throws RenderBudgetExceeded when the render outlasts the site's budget (nothing to cache then).
 */
export function renderWithReads(post: Post, context: RenderContext, render: PostRenderer): RenderOutcome {
  const links = recordingMap(context.links.posts);
  const assets = recordingMap(context.assets);
  const recorded = { ...context, links: { posts: links.map }, assets: assets.map };
  const { post: _post, ...body } = withinBudget(post, context.config.renderBudgetSeconds, () => render(post, recorded));
  return { body, linkReads: links.reads(), assetReads: assets.reads() };
}

/** The render cache's rendering of `post`, or one made on this thread (then kept). */
export function renderThroughCache(cache: RenderCache, post: Post, context: RenderContext, renderer: KeyedRenderer): RenderedPost {
  return cache.lookup(post, context, renderer) ?? cache.add(post, context, renderer, renderWithReads(post, context, renderer.render));
}
