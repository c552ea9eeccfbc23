import type { SiteConfig } from "../config/site-config.js";
import type { AssetIndex, LinkIndex } from "../model.js";

/**
 * Everything besides the post that its rendering depends on. Plain data (a config object
 * and two Maps), so it can be structured-cloned into a worker thread.
 */
export interface RenderContext {
  readonly config: SiteConfig;
  readonly links: LinkIndex;
  readonly assets: AssetIndex;
}
