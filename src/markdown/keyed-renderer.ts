import { createPostRenderer, type PostRenderer } from "./create-post-renderer.js";
import type { UserPlugins } from "./create-markdown-processor.js";
import { renderPost } from "./render-post.js";

/** A post renderer and the key under which the render cache keeps what it rendered. */
export interface KeyedRenderer {
  readonly render: PostRenderer;
  readonly key: string;
}

const builtinRenderer: KeyedRenderer = { render: renderPost, key: "builtin" };
const siteRenderers = new WeakMap<UserPlugins, KeyedRenderer>();
let siteRendererCount = 0;

/**
 * The post renderer for a site's plugins, made once per plugin set (a processor is costly to
 * build). Plugins are code: a cached render is only reused by the renderer that made it, so
 * without this memo every dev rebuild of a site with plugins would render every post again.
 */
export function rendererFor(plugins: UserPlugins | undefined): KeyedRenderer {
  if (!plugins?.remarkPlugins?.length && !plugins?.rehypePlugins?.length) return builtinRenderer;
  let renderer = siteRenderers.get(plugins);
  if (renderer === undefined) {
    renderer = { render: createPostRenderer(plugins), key: `site-plugins-${++siteRendererCount}` };
    siteRenderers.set(plugins, renderer);
  }
  return renderer;
}
