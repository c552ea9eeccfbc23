import { createHash } from "node:crypto";
import type { EntryStore } from "./entry-store.js";
import { memoizeByIdentity } from "../memo/identity-memo.js";
import { asIs, createKeptEntries } from "./kept-entries.js";
import { templatesReadBy } from "./templates-read.js";
import type { SiteConfig } from "../config/site-config.js";
import type { Diagnostic } from "../diagnostics.js";

/**
 * What the page cache needs of the site stage's template renderer and theme (TemplateRenderer
 * in site/template-renderer.ts, Theme in site/read-theme.ts), said here so that the cache
 * imports no higher stage: the renderer's signature, and the texts and names a page depends on.
 */
export interface PageRenderer {
  render(name: string, data: object): { readonly html: string | undefined; readonly diagnostics: Diagnostic[] };
}
interface Theme {
  readonly templates: ReadonlyMap<string, { readonly text: string }>;
  readonly assets: ReadonlyMap<string, { readonly outputPath: string }>;
}

/**
 * Rendered pages kept across builds (the dev server holds one): a page's HTML is a pure
 * function of the theme, the config, the template's name and the data it gets, so that is
 * the key. After an edit to one post, only the pages whose data changed render again.
 */
export interface PageCache {
  /** A renderer that answers from the cache and stores what it renders for this theme and config. */
  wrap(renderer: PageRenderer, theme: Theme, config: SiteConfig): KeyedPageRenderer;
  /** Forgets pages that the last build did not ask for, so a long dev session does not grow. */
  prune(): void;
}

/** A page renderer that also names each page by its key. */
export interface KeyedPageRenderer extends PageRenderer {
  /**
   * The key of the page `render(name, data)` makes — undefined when pages of this theme are
   * not a function of a key (it prints the clock) — and keeps its entry through the prune:
   * the build wants that page, whether it renders it or takes it as it is from the last build.
   */
  keyOf(name: string, data: object): string | undefined;
}

/**
 * A digest that a data object (a post's, shared by many pages) carries for the page cache,
 * so that each page's key hashes the digest instead of the post's whole HTML again.
 */
export const precomputedDigest = Symbol("daylight.precomputedDigest");

/** JSON of page data in which objects that carry a digest stand for themselves by it. */
function dataKey(data: object): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    value !== null && typeof value === "object" && precomputedDigest in value
      ? `#${String((value as Record<symbol, unknown>)[precomputedDigest])}`
      : value,
  );
}

const isHtml = (value: unknown): value is string => typeof value === "string";

// Page data is never changed once made, and a dev rebuild hands most pages the very data
// object of the build before (its RememberedData: site/assemble-site.ts): JSON-encoding and hashing
// every post page's data again was a third of a warm 4,000-post rebuild. Measured again (a dev
// rebuild after a one-post edit, 1,000-post bench corpus, median CPU): 129 ms with, 196 ms without.
const pageKey = memoizeByIdentity((data: object, saltAndName: string) =>
  createHash("sha256").update(saltAndName).update("\0").update(dataKey(data)).digest("hex"));

/**
 * A PageCache in memory, backed by `store` when one is given (the CLI's cache folder; the
 * store's key adds the identity of daylight's code, whose filters the templates call).
 */
export function createPageCache(store?: EntryStore): PageCache {
  const kept = createKeptEntries(asIs("page", isHtml), store);
  return {
    wrap(renderer, theme, config) {
      // A page that prints the time of the build is not a function of its key.
      if (readsClock(theme)) return { render: (name, data) => renderer.render(name, data), keyOf: () => undefined };
      const saltOf = saltsOf(theme, config);
      return {
        keyOf(name, data) {
          const key = pageKey(data, saltOf(name));
          kept.touch(key);
          return key;
        },
        render(name, data) {
          const key = pageKey(data, saltOf(name));
          const cached = kept.get(key);
          if (cached !== undefined) return { html: cached, diagnostics: [] };
          const result = renderer.render(name, data);
          // Only clean renders are kept: a template error must be reported on every build.
          if (result.html !== undefined && result.diagnostics.length === 0) kept.keep(key, result.html);
          return result;
        },
      };
    },
    prune: () => kept.prune(),
  };
}

/**
 * Whether a template names the time of rendering: Liquid's `date` filter turns the literal
 * `"now"` or `"today"` into the clock's time, which no page key can hold.
 */
export function readsClock(theme: Theme): boolean {
  for (const template of theme.templates.values()) if (clockLiteral.test(template.text)) return true;
  return false;
}

const clockLiteral = /(["'])(?:now|today)\1/;

/**
 * Per template name, what its pages' keys hold besides their data: the config, the texts of
 * the templates such a page can read (templates-read.ts; all of them when that is not known)
 * and the theme's assets, then the name. Made once per name and theme.
 */
function saltsOf(theme: Theme, config: SiteConfig): (name: string) => string {
  const configJson = JSON.stringify(config);
  const allTemplates = [...theme.templates.keys()].sort();
  const salts = new Map<string, string>();
  return (name) => {
    let salt = salts.get(name);
    if (salt === undefined) {
      const hash = createHash("sha256").update(configJson);
      for (const file of templatesReadBy(theme.templates, name) ?? allTemplates) hash.update(`\0${file}\0${theme.templates.get(file)?.text ?? ""}`);
      // Pages name the theme's assets by their hashed names (`asset_url`): a changed stylesheet changes every page.
      for (const asset of theme.assets.values()) hash.update(`\0${asset.outputPath}`);
      salts.set(name, (salt = hash.digest("hex") + name));
    }
    return salt;
  };
}
