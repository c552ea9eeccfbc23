import { buildAssetIndex } from "../assets/asset-index.js";
import type { SiteConfig } from "../config/site-config.js";
import { collectSources } from "../content/collect-sources.js";
import { buildLinkIndex } from "../content/link-index.js";
import type { SiteSources } from "../read/read-site.js";

/**
 * Loads the markdown pipeline and the highlighter's grammars for the site's posts on this
 * thread, then renders a few posts and throws them away. A long-lived process (the dev
 * server) calls it after a first build that rendered in worker threads: this thread's first
 * renders, with its code not yet compiled by the JIT, took 300–800 ms where a later one
 * takes 20, and the first edits should not pay for that. One post at a time, so that
 * requests are answered in between.
 */
export async function warmUpRenderer(sources: SiteSources, config: SiteConfig, warmUpPosts = 12): Promise<void> {
  const options = { drafts: true, future: true, strict: false, now: new Date(0) };
  const posts = collectSources(sources.posts, "post", config, options).published;
  const pages = collectSources(sources.pages, "page", config, options).published;
  await (await import("../markdown/create-post-renderer.js")).prepareHighlighting([...posts, ...pages]);
  const { renderPost } = await import("../markdown/render-post.js");
  const context = { config, links: buildLinkIndex(posts), assets: buildAssetIndex(sources.assets, config.basePath) };
  const { withinBudget } = await import("../workers/render-budget.js");
  for (const post of posts.slice(0, warmUpPosts)) {
    await new Promise((resolve) => setImmediate(resolve));
    // A post over the budget was reported by the build; warming up on it must not hang the server.
    try {
      withinBudget(post, config.renderBudgetSeconds, () => renderPost(post, context));
    } catch {
      // the build reported what is wrong with it
    }
  }
}
