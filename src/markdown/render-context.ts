import type { SiteConfig } from "../config/site-config.js";
import type { AssetIndex, LinkIndex } from "../model.js";

/**
 * Everything besides the post that its rendering depends on. Plain data (a config object,
 * two Maps and a Set), so it can be structured-cloned into a worker thread.
 */
export interface RenderContext {
  readonly config: SiteConfig;
  readonly links: LinkIndex;
  readonly assets: AssetIndex;
  /**
   * The standalone pages' paths below the base path (`about/`, see pagePathsOf): a local URL
   * naming one is rewritten to it. Absent: no pages. Part of the render cache's key.
   */
  readonly pages?: ReadonlySet<string>;
}
