import { createHash } from "node:crypto";
import type { SiteConfig } from "../config/site-config.js";
import type { Theme } from "./read-theme.js";
import type { TemplateRenderer } from "./template-renderer.js";

/**
 * Rendered pages kept across builds (the dev server holds one): a page's HTML is a pure
 * function of the theme, the config, the template's name and the data it gets, so that is
 * the key. After an edit to one post, only the pages whose data changed render again.
 */
export interface PageCache {
  /** A renderer that answers from the cache and stores what it renders for this theme and config. */
  wrap(renderer: TemplateRenderer, theme: Theme, config: SiteConfig): TemplateRenderer;
  /** Forgets pages that the last build did not ask for, so a long dev session does not grow. */
  prune(): void;
  readonly stats: { hits: number; misses: number };
}

/** An in-memory PageCache. */
export function createPageCache(): PageCache {
  let entries = new Map<string, string>();
  let used = new Map<string, string>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    wrap(renderer, theme, config) {
      const salt = themeAndConfigDigest(theme, config);
      return {
        render(name, data) {
          const key = createHash("sha256").update(salt).update(name).update("\0").update(JSON.stringify(data)).digest("hex");
          const cached = used.get(key) ?? entries.get(key);
          if (cached !== undefined) {
            stats.hits++;
            used.set(key, cached);
            return { html: cached, diagnostics: [] };
          }
          stats.misses++;
          const result = renderer.render(name, data);
          // Only clean renders are kept: a template error must be reported on every build.
          if (result.html !== undefined && result.diagnostics.length === 0) used.set(key, result.html);
          return result;
        },
      };
    },
    prune() {
      entries = used;
      used = new Map();
    },
  };
}

function themeAndConfigDigest(theme: Theme, config: SiteConfig): string {
  const hash = createHash("sha256").update(JSON.stringify(config));
  for (const name of [...theme.templates.keys()].sort()) hash.update(`\0${name}\0${theme.templates.get(name)?.text ?? ""}`);
  // Pages name the theme's assets by their hashed names (`asset_url`): a changed stylesheet changes every page.
  for (const asset of theme.assets.values()) hash.update(`\0${asset.outputPath}`);
  return hash.digest("hex");
}
