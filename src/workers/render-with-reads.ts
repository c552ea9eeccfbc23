import type { RenderContext } from "../markdown/render-context.js";
import type { PostRenderer } from "../markdown/create-post-renderer.js";
import type { Post } from "../model.js";
import { recordingMap } from "../recording-map.js";
import type { RenderOutcome } from "./render-job.js";

/** Renders a post while recording which LinkIndex and AssetIndex entries the render read. */
export function renderWithReads(post: Post, context: RenderContext, render: PostRenderer): RenderOutcome {
  const links = recordingMap(context.links.posts);
  const assets = recordingMap(context.assets);
  const { post: _post, ...body } = render(post, { ...context, links: { posts: links.map }, assets: assets.map });
  return { body, linkReads: links.reads(), assetReads: assets.reads() };
}
