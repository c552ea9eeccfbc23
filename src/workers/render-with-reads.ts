import type { RenderContext } from "../markdown/render-context.js";
import type { PostRenderer } from "../markdown/create-post-renderer.js";
import type { Post } from "../model.js";
import { recordingMap } from "../cache/recording-map.js";
import type { RenderOutcome } from "./render-job.js";
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
