import type { SitePlugins } from "../config/resolve-site-config.js";
import type { KeyedRenderer } from "../markdown/keyed-renderer.js";

/** The key of daylight's own pipeline (a site without plugins): the only renders a persistent store keeps. */
export const builtinRendererKey = "builtin";

/** A post renderer whose key is known at once and whose code loads only when a post must render. */
export interface LazyRenderer {
  readonly renderer: KeyedRenderer;
  /** Loads the markdown pipeline; `renderer.render` may be called once this has resolved. */
  load(): Promise<void>;
}

/**
 * The renderer for a site's plugins. Without plugins, the markdown pipeline (unified,
 * micromark, remark-gfm… a sixth of a second to import) is loaded only when some post is
 * not in the cache: a warm build never imports it. A site's plugins are loaded code
 * already, and their renderer is made at once.
 */
export async function lazyRenderer(plugins: SitePlugins | undefined): Promise<LazyRenderer> {
  let loaded: KeyedRenderer | undefined;
  const load = async () => {
    loaded ??= (await import("../markdown/keyed-renderer.js")).rendererFor(plugins);
  };
  if (plugins?.remarkPlugins.length || plugins?.rehypePlugins.length) {
    await load();
    return { renderer: loaded!, load };
  }
  const render: KeyedRenderer["render"] = (post, context) => {
    if (loaded === undefined) throw new Error("lazyRenderer: render() before load()");
    return loaded.render(post, context);
  };
  return { renderer: { key: builtinRendererKey, render }, load };
}
