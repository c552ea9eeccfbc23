import { defaultPermalink } from "../urls/permalink.js";
import type { RuleSettings } from "../rules/apply-rules.js";
import { defaultImageSettings, type ImageSettings } from "./image-settings.js";

/** The resolved, validated site configuration that every stage reads. */
export interface SiteConfig {
  readonly title: string;
  readonly description: string;
  readonly author: string;
  /** BCP 47 tag for `<html lang>` and feeds. */
  readonly language: string;
  /** IANA zone: a date without a time means midnight here. */
  readonly timezone: string;
  /** Absolute site URL with a trailing slash (`https://example.com/blog/`); undefined in dev without one. */
  readonly url: string | undefined;
  /** The URL's path, always starting and ending with `/` (`/blog/`, or `/`). */
  readonly basePath: string;
  readonly postsPerPage: number;
  readonly feedItems: number;
  /** Slugs of pages from pages/, in the order the site's navigation lists them; others follow by title. */
  readonly nav: readonly string[];
  /** Old site-relative URL path → where it moved (a path or an absolute URL). */
  readonly redirects: Readonly<Record<string, string>>;
  /** Site-relative URL paths removed on purpose: answered with 410 where the host supports it. */
  readonly gone: readonly string[];
  /** How many earlier generations keep their hashed assets in the output… */
  readonly keepGenerations: number;
  /** …and for at least how many days. */
  readonly keepDays: number;
  /**
   * Seconds of CPU one post may take to render before the build fails with a
   * `render-budget` error naming it: pathological markdown can take minutes.
   */
  readonly renderBudgetSeconds: number;
  /** The heap (MiB) of the thread a big post renders in (render-alone.ts); more is a `render-budget` error. */
  readonly renderMemoryMiB: number;
  /** Rule id → the severity the site gives it (`"off"` drops it): see docs/rules.md. */
  readonly rules: RuleSettings;
  /**
   * Where posts go, below the base path: `/posts/:slug/` (default), `/:slug/`,
   * `/blog/:section/:slug/`, `/:year/:month/:slug/`… (see urls/permalink.ts).
   */
  readonly permalink: string;
  /** Path prefixes on the site's host that this build does not own (`/docs/`): links there are neither checked nor rewritten. */
  readonly externalPaths: readonly string[];
  /**
   * Whether the build makes a search index, the /search/ page and the header's search box.
   * On unless the site says `false` (then none of it is made, and /search/ is free for a page).
   */
  readonly search: boolean;
  /**
   * Local raster images in posts become `<picture>`s with AVIF and WebP variants at these
   * widths (images/plan-variants.ts); `false` leaves every `<img>` as written.
   */
  readonly images: ImageSettings | false;
  /**
   * Whether each post and page without an `image` gets a generated social card (og:image,
   * templates/og-card.liquid). Off unless the site asks: it changes every page's head.
   */
  readonly cards: boolean;
}

/** How one build runs; not part of the site's config file. */
export interface BuildOptions {
  /** Include drafts (marked as such). */
  readonly drafts: boolean;
  /** Include posts published after `now`. */
  readonly future: boolean;
  /** Warnings become errors. */
  readonly strict: boolean;
  /** "Now" for everything that needs it: SOURCE_DATE_EPOCH when set, else the clock, read once. */
  readonly now: Date;
}

export const defaultSiteConfig: SiteConfig = {
  title: "My blog",
  description: "",
  author: "",
  language: "en",
  timezone: "UTC",
  url: undefined,
  basePath: "/",
  postsPerPage: 10,
  feedItems: 20,
  nav: [],
  redirects: {},
  gone: [],
  keepGenerations: 3,
  keepDays: 7,
  renderBudgetSeconds: 60,
  renderMemoryMiB: 768,
  rules: {},
  externalPaths: [],
  permalink: defaultPermalink,
  search: true,
  images: defaultImageSettings,
  cards: false,
};
